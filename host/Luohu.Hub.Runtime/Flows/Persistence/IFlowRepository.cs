namespace Luohu.Hub.Runtime.Flows.Persistence;

/// <summary>
/// Where the flow runtime keeps drafts, immutable versions, the deployed pointer and the deploy history.
/// The SQLite store (and later PostgreSQL) sit behind it; <see cref="InMemoryFlowRepository"/> serves tests and
/// hosts without a database.
/// </summary>
internal interface IFlowRepository
{
    Task<IReadOnlyList<FlowDraftRecord>> ListAsync(string? department, CancellationToken cancellationToken);

    Task<FlowDraftRecord?> GetAsync(string flowId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the draft; keeps the deployed pointer.</summary>
    Task SaveDraftAsync(FlowDraftRecord draft, CancellationToken cancellationToken);

    /// <summary>Removes the flow, its versions and its node state.</summary>
    Task DeleteAsync(string flowId, CancellationToken cancellationToken);

    /// <summary>Stores the next version (1, 2, 3… per flow, atomically).</summary>
    Task<FlowVersionRecord> AddVersionAsync(string flowId, string json, string author, string? comment, CancellationToken cancellationToken);

    Task<FlowVersionRecord?> GetVersionAsync(string flowId, int version, CancellationToken cancellationToken);

    /// <summary>Versions, newest first.</summary>
    Task<IReadOnlyList<FlowVersionRecord>> ListVersionsAsync(string flowId, CancellationToken cancellationToken);

    /// <summary>Points the flow at <paramref name="version"/> (null = undeployed) and records it in the deploy history.</summary>
    Task SetDeployedAsync(string flowId, int? version, string action, string author, CancellationToken cancellationToken);

    /// <summary>Every deployed flow with its deployed version, for restart recovery.</summary>
    Task<IReadOnlyList<FlowVersionRecord>> ListDeployedAsync(CancellationToken cancellationToken);
}
