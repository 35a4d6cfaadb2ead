namespace Luohu.Hub.Runtime.Storage;

/// <summary>Where a dead letter stands. Stored as lower-case text.</summary>
internal enum DeadLetterState
{
    Pending,
    Replayed,
    Discarded,
}
