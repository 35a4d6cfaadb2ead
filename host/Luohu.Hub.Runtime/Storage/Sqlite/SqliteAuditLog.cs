using Dapper;
using Luohu.Hub.Runtime.Security;
using Microsoft.Data.Sqlite;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary><see cref="IAuditLog"/> on SQLite; the table's triggers abort any UPDATE or DELETE.</summary>
internal sealed class SqliteAuditLog(SqliteConnectionFactory connections, TimeProvider time) : IAuditLog, IDisposable
{
    private const string Select = """
        SELECT sequence AS Sequence, at AS At, actor AS Actor, actor_kind AS ActorKind, remote_ip AS RemoteIp, action AS Action,
               target AS Target, outcome AS Outcome, before_json AS Before, after_json AS After, detail AS Detail,
               prev_hash AS PreviousHash, hash AS Hash
        FROM audit
        """;

    private readonly SemaphoreSlim _writer = new(1, 1);

    public async Task<AuditEntry> AppendAsync(AuditEvent entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var last = await connection.QuerySingleOrDefaultAsync<(long Sequence, string Hash)?>(new CommandDefinition(
                "SELECT sequence, hash FROM audit ORDER BY sequence DESC LIMIT 1", transaction: transaction, cancellationToken: cancellationToken));
            var stored = new AuditEntry
            {
                Sequence = (last?.Sequence ?? 0) + 1,
                At = UnixTime.FromMs(UnixTime.ToMs(time.GetUtcNow())),
                Actor = entry.Actor,
                ActorKind = entry.ActorKind,
                RemoteIp = entry.RemoteIp,
                Action = entry.Action,
                Target = entry.Target,
                Outcome = entry.Outcome,
                Before = entry.Before,
                After = entry.After,
                Detail = entry.Detail,
                PreviousHash = last?.Hash ?? AuditHasher.Genesis,
                Hash = string.Empty,
            };
            stored = stored with { Hash = AuditHasher.Compute(stored) };
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO audit (sequence, at, actor, actor_kind, remote_ip, action, target, outcome, before_json, after_json, detail, prev_hash, hash)
                VALUES (@Sequence, @At, @Actor, @ActorKind, @RemoteIp, @Action, @Target, @Outcome, @Before, @After, @Detail, @PreviousHash, @Hash)
                """, new
            {
                stored.Sequence, At = UnixTime.ToMs(stored.At), stored.Actor, stored.ActorKind, stored.RemoteIp, stored.Action, stored.Target,
                stored.Outcome, stored.Before, stored.After, stored.Detail, stored.PreviousHash, stored.Hash,
            }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return stored;
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, 500);
        var action = query.Action;
        var prefix = action is not null && action.EndsWith('*');
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(Select + """
             WHERE (@Actor IS NULL OR actor = @Actor)
               AND (@Action IS NULL OR (@Prefix = 0 AND action = @Action) OR (@Prefix = 1 AND substr(action, 1, length(@Action)) = @Action))
               AND (@Target IS NULL OR target = @Target)
               AND (@From IS NULL OR at >= @From) AND (@To IS NULL OR at <= @To)
               AND (@Before IS NULL OR sequence < @Before)
             ORDER BY sequence DESC LIMIT @Take
            """, new
        {
            query.Actor, Action = prefix ? action![..^1] : action, Prefix = prefix ? 1 : 0, query.Target,
            From = query.From is { } f ? UnixTime.ToMs(f) : (long?)null, To = query.To is { } t ? UnixTime.ToMs(t) : (long?)null,
            query.Before, Take = limit + 1,
        }, cancellationToken: cancellationToken))).ToList();
        var entries = rows.Take(limit).Select(ToEntry).ToList();
        return new AuditPage(entries, rows.Count > limit ? entries[^1].Sequence : null);
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var previous = AuditHasher.Genesis;
        long expectedSequence = 1;
        long count = 0;
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(Select + " ORDER BY sequence", cancellationToken: cancellationToken));
        var parser = reader.GetRowParser<Row>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = ToEntry(parser(reader));
            count++;
            if (entry.Sequence != expectedSequence)
            {
                return new AuditVerification(false, count, expectedSequence, $"Entry {expectedSequence} is missing: the next stored entry is {entry.Sequence}.");
            }

            if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new AuditVerification(false, count, entry.Sequence, $"Entry {entry.Sequence} does not chain to entry {entry.Sequence - 1}: its previous hash differs.");
            }

            if (!string.Equals(AuditHasher.Compute(entry), entry.Hash, StringComparison.Ordinal))
            {
                return new AuditVerification(false, count, entry.Sequence, $"Entry {entry.Sequence} was changed after it was written: its content does not match its hash.");
            }

            previous = entry.Hash;
            expectedSequence++;
        }

        return new AuditVerification(true, count);
    }

    public void Dispose() => _writer.Dispose();

    private static AuditEntry ToEntry(Row row) => new()
    {
        Sequence = row.Sequence,
        At = UnixTime.FromMs(row.At),
        Actor = row.Actor,
        ActorKind = row.ActorKind,
        RemoteIp = row.RemoteIp,
        Action = row.Action,
        Target = row.Target,
        Outcome = row.Outcome,
        Before = row.Before,
        After = row.After,
        Detail = row.Detail,
        PreviousHash = row.PreviousHash,
        Hash = row.Hash,
    };

    private sealed class Row
    {
        public long Sequence { get; set; }
        public long At { get; set; }
        public string Actor { get; set; } = "";
        public string ActorKind { get; set; } = "";
        public string? RemoteIp { get; set; }
        public string Action { get; set; } = "";
        public string? Target { get; set; }
        public string Outcome { get; set; } = "";
        public string? Before { get; set; }
        public string? After { get; set; }
        public string? Detail { get; set; }
        public string PreviousHash { get; set; } = "";
        public string Hash { get; set; } = "";
    }
}
