using System.Collections.Concurrent;

namespace Luohu.Hub.Runtime.Outbox;

/// <summary>The outbox in memory when the hub has no store: it deduplicates redeliveries, but does not survive a restart.</summary>
internal sealed class InMemoryOutboxStore : IOutboxStore
{
    private readonly ConcurrentDictionary<string, OutboxEntry> _entries = new(StringComparer.Ordinal);

    public ValueTask<(OutboxEntry Entry, bool Created)> AddAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var stored = _entries.GetOrAdd(entry.Key, entry);
        return ValueTask.FromResult((stored, ReferenceEquals(stored, entry)));
    }

    public ValueTask<OutboxEntry?> GetAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_entries.GetValueOrDefault(key));

    public ValueTask<bool> CompleteAsync(string key, string result, DateTimeOffset at, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Update(key, e => e.State == OutboxStates.Pending,
            e => e with { State = OutboxStates.Completed, Result = result, Attempts = e.Attempts + 1, LastError = null, UpdatedAt = at }));

    public ValueTask<bool> RecordErrorAsync(string key, string error, bool failed, DateTimeOffset at, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Update(key, e => e.State == OutboxStates.Pending,
            e => e with { State = failed ? OutboxStates.Failed : OutboxStates.Pending, LastError = error, Attempts = e.Attempts + 1, UpdatedAt = at }));

    public ValueTask<bool> ResetAsync(string key, DateTimeOffset at, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Update(key, e => e.State is OutboxStates.Failed or OutboxStates.Pending,
            e => e with { State = OutboxStates.Pending, Attempts = 0, UpdatedAt = at }));

    public ValueTask<bool> ResolveAsync(string key, string by, string note, string? result, DateTimeOffset at, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Update(key, e => e.State is OutboxStates.Failed or OutboxStates.Pending,
            e => e with { State = OutboxStates.Resolved, ResolvedBy = by, ResolutionNote = note, Result = result, UpdatedAt = at }));

    public ValueTask<IReadOnlyList<OutboxEntry>> ListAsync(string? state, int take, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<OutboxEntry>>([.. _entries.Values
            .Where(e => state is null || e.State == state).OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Key, StringComparer.Ordinal).Take(take)]);

    public ValueTask<IReadOnlyList<OutboxEntry>> ListPendingAsync(DateTimeOffset before, int take, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<OutboxEntry>>([.. _entries.Values
            .Where(e => e.State == OutboxStates.Pending && e.UpdatedAt < before).OrderBy(e => e.CreatedAt).Take(take)]);

    public ValueTask<OutboxCounts> CountAsync(CancellationToken cancellationToken)
    {
        long pending = 0, failed = 0;
        foreach (var entry in _entries.Values)
        {
            pending += entry.State == OutboxStates.Pending ? 1 : 0;
            failed += entry.State == OutboxStates.Failed ? 1 : 0;
        }

        return ValueTask.FromResult(new OutboxCounts(pending, failed));
    }

    private bool Update(string key, Func<OutboxEntry, bool> when, Func<OutboxEntry, OutboxEntry> change)
    {
        while (_entries.TryGetValue(key, out var current))
        {
            if (!when(current))
            {
                return false;
            }

            if (_entries.TryUpdate(key, change(current), current))
            {
                return true;
            }
        }

        return false;
    }
}
