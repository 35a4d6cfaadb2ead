using Dapper;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary><see cref="INodeStateStore"/> on SQLite: one row of JSON per flow node.</summary>
internal sealed class SqliteNodeStateStore : INodeStateStore
{
    private readonly SqliteConnectionFactory _connections;
    private readonly TimeProvider _timeProvider;

    public SqliteNodeStateStore(SqliteConnectionFactory connections, TimeProvider timeProvider)
    {
        _connections = connections;
        _timeProvider = timeProvider;
    }

    public async ValueTask<string?> GetAsync(string flowId, string nodeId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT json FROM node_state WHERE flow_id = @FlowId AND node_id = @NodeId", new { FlowId = flowId, NodeId = nodeId }, cancellationToken: cancellationToken));
    }

    public async ValueTask<IReadOnlyDictionary<string, string>> ListAsync(string flowId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string NodeId, string Json)>(new CommandDefinition(
            "SELECT node_id, json FROM node_state WHERE flow_id = @FlowId", new { FlowId = flowId }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.NodeId, r => r.Json, StringComparer.Ordinal);
    }

    public async ValueTask SetAsync(string flowId, string nodeId, string json, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(flowId);
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        ArgumentNullException.ThrowIfNull(json);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO node_state (flow_id, node_id, json, updated_at) VALUES (@FlowId, @NodeId, @Json, @Now)
            ON CONFLICT (flow_id, node_id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at
            """, new { FlowId = flowId, NodeId = nodeId, Json = json, Now = UnixTime.ToMs(_timeProvider.GetUtcNow()) }, cancellationToken: cancellationToken));
    }

    public async ValueTask DeleteAsync(string flowId, string nodeId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM node_state WHERE flow_id = @FlowId AND node_id = @NodeId", new { FlowId = flowId, NodeId = nodeId }, cancellationToken: cancellationToken));
    }

    public async ValueTask DeleteFlowAsync(string flowId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM node_state WHERE flow_id = @FlowId", new { FlowId = flowId }, cancellationToken: cancellationToken));
    }
}
