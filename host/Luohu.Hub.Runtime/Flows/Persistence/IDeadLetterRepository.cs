namespace Luohu.Hub.Runtime.Flows.Persistence;

/// <summary>Where dead letters are kept.</summary>
internal interface IDeadLetterRepository
{
    Task AddAsync(DeadLetterRecord deadLetter, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<DeadLetterRecord>> ListAsync(string? flowId, string? state, int skip, int take, CancellationToken cancellationToken);

    Task<DeadLetterRecord?> GetAsync(string id, CancellationToken cancellationToken);

    Task MarkReplayedAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    Task DiscardAsync(string id, CancellationToken cancellationToken);
}
