namespace Luohu.Hub.Runtime.Storage;

/// <summary>Messages a flow could not handle, with the reason; listed, replayed or discarded by ops.</summary>
internal interface IDeadLetterStore
{
    ValueTask AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<DeadLetter>> ListAsync(DeadLetterQuery query, CancellationToken cancellationToken);

    ValueTask<int> CountAsync(DeadLetterQuery query, CancellationToken cancellationToken);

    ValueTask<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Sets the state to replayed and counts the replay. False when the id is unknown.</summary>
    ValueTask<bool> MarkReplayedAsync(string id, CancellationToken cancellationToken);

    /// <summary>Sets the state to discarded. False when the id is unknown.</summary>
    ValueTask<bool> DiscardAsync(string id, CancellationToken cancellationToken);
}
