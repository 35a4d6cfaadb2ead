using Dapper;
using Luohu.Hub.Runtime.Plugins;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary><see cref="IPluginSettingsStore"/> on SQLite.</summary>
internal sealed class SqlitePluginSettingsStore : IPluginSettingsStore
{
    private readonly SqliteConnectionFactory _connections;

    public SqlitePluginSettingsStore(SqliteConnectionFactory connections)
    {
        _connections = connections;
    }

    public async ValueTask<PluginSettings?> GetAsync(string pluginId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string PluginId, long Enabled, string? QuarantineReason, long UpdatedAt)?>(new CommandDefinition(
            "SELECT plugin_id, enabled, quarantine_reason, updated_at FROM plugin_settings WHERE plugin_id = @PluginId",
            new { PluginId = pluginId }, cancellationToken: cancellationToken));
        return row is { } r
            ? new PluginSettings { PluginId = r.PluginId, Enabled = r.Enabled != 0, QuarantineReason = r.QuarantineReason, UpdatedAt = UnixTime.FromMs(r.UpdatedAt) }
            : null;
    }

    public async ValueTask SetAsync(PluginSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.PluginId, nameof(settings));
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO plugin_settings (plugin_id, enabled, quarantine_reason, updated_at) VALUES (@PluginId, @Enabled, @QuarantineReason, @UpdatedAt)
            ON CONFLICT (plugin_id) DO UPDATE SET enabled = excluded.enabled, quarantine_reason = excluded.quarantine_reason, updated_at = excluded.updated_at
            """, new { settings.PluginId, Enabled = settings.Enabled ? 1 : 0, settings.QuarantineReason, UpdatedAt = UnixTime.ToMs(settings.UpdatedAt) },
            cancellationToken: cancellationToken));
    }

    public async ValueTask DeleteAsync(string pluginId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM plugin_settings WHERE plugin_id = @PluginId", new { PluginId = pluginId }, cancellationToken: cancellationToken));
    }
}
