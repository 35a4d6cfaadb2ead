using Dapper;
using Luohu.Hub.Runtime.Outbox;
using Luohu.Hub.Runtime.Storage.Sqlite.Rows;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary>
/// <see cref="IOutboxStore"/> on SQLite. Each write is one statement in WAL mode, durable when it returns against the
/// hub's process dying (synchronous = NORMAL loses nothing to a killed process, only to a lost machine).
/// </summary>
internal sealed class SqliteOutboxStore(SqliteConnectionFactory connections) : IOutboxStore
{
    private const string Columns = """
        key AS Key, capability AS Capability, flow_id AS FlowId, flow_version AS FlowVersion, node_id AS NodeId, message_id AS MessageId,
        department AS Department, provider AS Provider, correlation_id AS CorrelationId, input AS Input, state AS State, attempts AS Attempts,
        result AS Result, last_error AS LastError, resolved_by AS ResolvedBy, resolution_note AS ResolutionNote, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    public async ValueTask<(OutboxEntry Entry, bool Created)> AddAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO outbox (key, capability, flow_id, flow_version, node_id, message_id, department, provider, correlation_id, input, state, attempts, created_at, updated_at)
            VALUES (@Key, @Capability, @FlowId, @FlowVersion, @NodeId, @MessageId, @Department, @Provider, @CorrelationId, @Input, @State, 0, @CreatedAt, @UpdatedAt)
            ON CONFLICT (key) DO NOTHING
            """, OutboxRow.From(entry), cancellationToken: cancellationToken));
        if (inserted == 1)
        {
            return (entry, true);
        }

        var stored = await connection.QuerySingleAsync<OutboxRow>(new CommandDefinition(
            $"SELECT {Columns} FROM outbox WHERE key = @Key", new { entry.Key }, cancellationToken: cancellationToken));
        return (stored.ToEntry(), false);
    }

    public async ValueTask<OutboxEntry?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<OutboxRow>(new CommandDefinition(
            $"SELECT {Columns} FROM outbox WHERE key = @Key", new { Key = key }, cancellationToken: cancellationToken));
        return row?.ToEntry();
    }

    public ValueTask<bool> CompleteAsync(string key, string result, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateAsync("""
            UPDATE outbox SET state = 'completed', result = @Result, attempts = attempts + 1, last_error = NULL, updated_at = @At
            WHERE key = @Key AND state = 'pending'
            """, new { Key = key, Result = result, At = UnixTime.ToMs(at) }, cancellationToken);

    public ValueTask<bool> RecordErrorAsync(string key, string error, bool failed, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateAsync("""
            UPDATE outbox SET state = @State, last_error = @Error, attempts = attempts + 1, updated_at = @At
            WHERE key = @Key AND state = 'pending'
            """, new { Key = key, Error = error, State = failed ? OutboxStates.Failed : OutboxStates.Pending, At = UnixTime.ToMs(at) }, cancellationToken);

    public ValueTask<bool> ResetAsync(string key, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateAsync("""
            UPDATE outbox SET state = 'pending', attempts = 0, updated_at = @At WHERE key = @Key AND state IN ('pending', 'failed')
            """, new { Key = key, At = UnixTime.ToMs(at) }, cancellationToken);

    public ValueTask<bool> ResolveAsync(string key, string by, string note, string? result, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateAsync("""
            UPDATE outbox SET state = 'resolved', resolved_by = @By, resolution_note = @Note, result = @Result, updated_at = @At
            WHERE key = @Key AND state IN ('pending', 'failed')
            """, new { Key = key, By = by, Note = note, Result = result, At = UnixTime.ToMs(at) }, cancellationToken);

    public async ValueTask<IReadOnlyList<OutboxEntry>> ListAsync(string? state, int take, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            $"SELECT {Columns} FROM outbox WHERE (@State IS NULL OR state = @State) ORDER BY created_at DESC, key DESC LIMIT @Take",
            new { State = state, Take = take }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEntry())];
    }

    public async ValueTask<IReadOnlyList<OutboxEntry>> ListPendingAsync(DateTimeOffset before, int take, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            $"SELECT {Columns} FROM outbox WHERE state = 'pending' AND updated_at < @Before ORDER BY created_at LIMIT @Take",
            new { Before = before == DateTimeOffset.MaxValue ? long.MaxValue : UnixTime.ToMs(before), Take = take }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEntry())];
    }

    public async ValueTask<OutboxCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var (pending, failed) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            "SELECT COALESCE(SUM(state = 'pending'), 0), COALESCE(SUM(state = 'failed'), 0) FROM outbox WHERE state IN ('pending', 'failed')",
            cancellationToken: cancellationToken));
        return new OutboxCounts(pending, failed);
    }

    private async ValueTask<bool> UpdateAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)) == 1;
    }
}
