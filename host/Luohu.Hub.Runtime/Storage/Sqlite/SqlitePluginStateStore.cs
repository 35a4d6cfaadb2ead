using System.Text;
using Dapper;
using Luohu.Hub.Sdk.Plugins;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary>One plugin's <see cref="IPluginStateStore"/> on SQLite, enforcing the SDK's documented limits.</summary>
internal sealed class SqlitePluginStateStore : IPluginStateStore
{
    /// <summary>The SDK's key limit, in characters.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>The SDK's value limit: 64 KiB of UTF-8.</summary>
    public const int MaxValueBytes = 64 * 1024;

    private readonly SqliteConnectionFactory _connections;
    private readonly TimeProvider _timeProvider;
    private readonly string _pluginId;

    public SqlitePluginStateStore(SqliteConnectionFactory connections, TimeProvider timeProvider, string pluginId)
    {
        _connections = connections;
        _timeProvider = timeProvider;
        _pluginId = pluginId;
    }

    public async ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        CheckKey(key);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT value FROM plugin_state WHERE plugin_id = @PluginId AND key = @Key", new { PluginId = _pluginId, Key = key }, cancellationToken: cancellationToken));
    }

    public async ValueTask SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        CheckKey(key);
        ArgumentNullException.ThrowIfNull(value);
        var bytes = Encoding.UTF8.GetByteCount(value);
        if (bytes > MaxValueBytes)
        {
            throw new ArgumentException(
                $"Plugin '{_pluginId}', state key '{key}': the value is {bytes} bytes of UTF-8, over the {MaxValueBytes}-byte (64 KiB) limit; " +
                "store a reference or split the data, this store is for small state.", nameof(value));
        }

        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO plugin_state (plugin_id, key, value, updated_at) VALUES (@PluginId, @Key, @Value, @Now)
            ON CONFLICT (plugin_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """, new { PluginId = _pluginId, Key = key, Value = value, Now = UnixTime.ToMs(_timeProvider.GetUtcNow()) }, cancellationToken: cancellationToken));
    }

    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        CheckKey(key);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM plugin_state WHERE plugin_id = @PluginId AND key = @Key", new { PluginId = _pluginId, Key = key }, cancellationToken: cancellationToken));
    }

    private void CheckKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException($"Plugin '{_pluginId}': the state key is empty; give a key of 1 to {MaxKeyLength} characters.", nameof(key));
        }

        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException(
                $"Plugin '{_pluginId}': the state key starting '{key[..40]}' is {key.Length} characters, over the {MaxKeyLength}-character limit; use a shorter key.", nameof(key));
        }
    }
}
