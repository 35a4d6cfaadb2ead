namespace Luohu.Hub.Runtime.Outbox;

/// <summary>The outbox's durable record (SQLite, or memory without a store). Every write is one statement.</summary>
internal interface IOutboxStore
{
    /// <summary>Records <paramref name="entry"/> unless its key exists; returns what is stored and whether it was new.</summary>
    ValueTask<(OutboxEntry Entry, bool Created)> AddAsync(OutboxEntry entry, CancellationToken cancellationToken);

    ValueTask<OutboxEntry?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Records the result of a pending entry (one more attempt); false when it was not pending.</summary>
    ValueTask<bool> CompleteAsync(string key, string result, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Counts an attempt that did not complete; <paramref name="failed"/> moves it to failed, else it stays pending.</summary>
    ValueTask<bool> RecordErrorAsync(string key, string error, bool failed, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Puts a failed (or pending) entry back to pending with its attempts reset; false otherwise.</summary>
    ValueTask<bool> ResetAsync(string key, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Closes a pending or failed entry by hand; false when it was completed or resolved already.</summary>
    ValueTask<bool> ResolveAsync(string key, string by, string note, string? result, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Newest first; <paramref name="state"/> null for all.</summary>
    ValueTask<IReadOnlyList<OutboxEntry>> ListAsync(string? state, int take, CancellationToken cancellationToken);

    /// <summary>Pending entries, oldest first, last touched before <paramref name="before"/>.</summary>
    ValueTask<IReadOnlyList<OutboxEntry>> ListPendingAsync(DateTimeOffset before, int take, CancellationToken cancellationToken);

    ValueTask<OutboxCounts> CountAsync(CancellationToken cancellationToken);
}
