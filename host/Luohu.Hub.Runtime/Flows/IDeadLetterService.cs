using Luohu.Hub.Runtime.Flows.Persistence;

namespace Luohu.Hub.Runtime.Flows;

/// <summary>Dead letters as the API and ops see them (<c>/api/v1/dead-letters</c>).</summary>
internal interface IDeadLetterService
{
    /// <summary>Newest first; <paramref name="state"/> is pending, replayed or discarded.</summary>
    Task<IReadOnlyList<DeadLetterRecord>> ListAsync(string? flowId, string? state, int skip, int take, CancellationToken cancellationToken);

    Task<DeadLetterRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Sends the message again into the same node of the flow's currently deployed version and marks it replayed;
    /// a new failure makes a new dead letter. Returns the id of the replayed message.
    /// </summary>
    /// <exception cref="FlowException">NotFound (no such dead letter); Conflict (flow not deployed, or the node is gone).</exception>
    Task<string> ReplayAsync(string id, CancellationToken cancellationToken);

    Task DiscardAsync(string id, CancellationToken cancellationToken);
}
