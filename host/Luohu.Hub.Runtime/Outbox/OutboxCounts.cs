namespace Luohu.Hub.Runtime.Outbox;

/// <summary>How many entries wait (pending) or need ops (failed).</summary>
internal sealed record OutboxCounts(long Pending, long Failed);
