using Dapper;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary><see cref="IPluginSettingValuesStore"/> on SQLite.</summary>
internal sealed class SqlitePluginSettingValuesStore(SqliteConnectionFactory connections) : IPluginSettingValuesStore
{
    public async Task<IReadOnlyList<PluginSettingValue>> ListAsync(string? pluginId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string PluginId, string Key, string? Value, string? ProtectedValue, long IsSecret, long UpdatedAt)>(new CommandDefinition(
            "SELECT plugin_id, key, value, protected_value, is_secret, updated_at FROM plugin_setting_values WHERE @PluginId IS NULL OR plugin_id = @PluginId ORDER BY plugin_id, key",
            new { PluginId = pluginId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new PluginSettingValue
        {
            PluginId = r.PluginId, Key = r.Key, Value = r.Value, ProtectedValue = r.ProtectedValue, IsSecret = r.IsSecret != 0, UpdatedAt = UnixTime.FromMs(r.UpdatedAt),
        })];
    }

    public async Task ReplaceAsync(string pluginId, IReadOnlyList<PluginSettingValue> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM plugin_setting_values WHERE plugin_id = @PluginId", new { PluginId = pluginId }, transaction, cancellationToken: cancellationToken));
        foreach (var value in values)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO plugin_setting_values (plugin_id, key, value, protected_value, is_secret, updated_at)
                VALUES (@PluginId, @Key, @Value, @ProtectedValue, @IsSecret, @UpdatedAt)
                """, new { PluginId = pluginId, value.Key, value.Value, value.ProtectedValue, IsSecret = value.IsSecret ? 1 : 0, UpdatedAt = UnixTime.ToMs(value.UpdatedAt) },
                transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
