using Dapper;
using Luohu.Hub.Runtime.Storage.Sqlite.Rows;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary><see cref="IDeadLetterStore"/> on SQLite.</summary>
internal sealed class SqliteDeadLetterStore : IDeadLetterStore
{
    private const int MaxTake = 1000;

    private const string Columns = """
        id AS Id, flow_id AS FlowId, node_id AS NodeId, message_id AS MessageId, topic AS Topic, payload AS Payload,
        headers AS Headers, source AS Source, message_timestamp AS MessageTimestamp, reason AS Reason, error AS Error,
        at AS At, replay_count AS ReplayCount, state AS State
        """;

    private const string Filter = "WHERE (@FlowId IS NULL OR flow_id = @FlowId) AND (@State IS NULL OR state = @State)";

    private readonly SqliteConnectionFactory _connections;

    public SqliteDeadLetterStore(SqliteConnectionFactory connections)
    {
        _connections = connections;
    }

    public async ValueTask AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO dead_letters (id, flow_id, node_id, message_id, topic, payload, headers, source, message_timestamp, reason, error, at, replay_count, state)
            VALUES (@Id, @FlowId, @NodeId, @MessageId, @Topic, @Payload, @Headers, @Source, @MessageTimestamp, @Reason, @Error, @At, @ReplayCount, @State)
            """, DeadLetterRow.From(deadLetter), cancellationToken: cancellationToken));
    }

    public async ValueTask<IReadOnlyList<DeadLetter>> ListAsync(DeadLetterQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Take, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Take, MaxTake);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeadLetterRow>(new CommandDefinition(
            $"SELECT {Columns} FROM dead_letters {Filter} ORDER BY at DESC, id DESC LIMIT @Take OFFSET @Skip",
            Parameters(query), cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async ValueTask<int> CountAsync(DeadLetterQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COUNT(*) FROM dead_letters {Filter}", Parameters(query), cancellationToken: cancellationToken));
    }

    public async ValueTask<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DeadLetterRow>(new CommandDefinition(
            $"SELECT {Columns} FROM dead_letters WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public async ValueTask<bool> MarkReplayedAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE dead_letters SET state = 'replayed', replay_count = replay_count + 1 WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)) > 0;
    }

    public async ValueTask<bool> DiscardAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE dead_letters SET state = 'discarded' WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)) > 0;
    }

    private static object Parameters(DeadLetterQuery query) => new
    {
        query.FlowId,
        State = query.State is { } state ? StoreText.Of(state) : null,
        query.Skip,
        query.Take,
    };
}
