using Dapper;
using Luohu.Hub.Runtime.Plugins;
using Luohu.Hub.Sdk.Plugins;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary><see cref="IPluginStateStoreFactory"/> on SQLite: all plugins share one table, keyed by plugin id.</summary>
internal sealed class SqlitePluginStateStoreFactory : IPluginStateStoreFactory
{
    private readonly SqliteConnectionFactory _connections;
    private readonly TimeProvider _timeProvider;

    public SqlitePluginStateStoreFactory(SqliteConnectionFactory connections, TimeProvider timeProvider)
    {
        _connections = connections;
        _timeProvider = timeProvider;
    }

    public IPluginStateStore Create(string pluginId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginId);
        return new SqlitePluginStateStore(_connections, _timeProvider, pluginId);
    }

    public async ValueTask DeleteAllAsync(string pluginId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM plugin_state WHERE plugin_id = @PluginId", new { PluginId = pluginId }, cancellationToken: cancellationToken));
    }
}
