namespace Luohu.Hub.Runtime.Storage;

/// <summary>Flows, their immutable versions, which version is deployed, and the deploy history.</summary>
internal interface IFlowStore
{
    /// <summary>All flows, or those of one department, ordered by id.</summary>
    ValueTask<IReadOnlyList<FlowRecord>> ListAsync(string? department, CancellationToken cancellationToken);

    ValueTask<FlowRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the draft; keeps the creation fields of an existing flow. Returns it as stored.</summary>
    ValueTask<FlowRecord> UpsertDraftAsync(FlowRecord flow, CancellationToken cancellationToken);

    /// <summary>Removes the flow, its versions, deployment, deploy history and node state; dead letters stay. False when absent.</summary>
    ValueTask<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the next version (highest + 1, atomic under concurrency). Throws <see cref="KeyNotFoundException"/>
    /// when the flow has not been saved.
    /// </summary>
    ValueTask<FlowVersionRecord> AddVersionAsync(string flowId, string json, string author, string? comment, CancellationToken cancellationToken);

    ValueTask<FlowVersionRecord?> GetVersionAsync(string flowId, int version, CancellationToken cancellationToken);

    /// <summary>Every version of a flow, oldest first.</summary>
    ValueTask<IReadOnlyList<FlowVersionRecord>> ListVersionsAsync(string flowId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks <paramref name="version"/> deployed (or, with <see langword="null"/> and
    /// <see cref="DeployAction.Undeploy"/>, nothing deployed) and appends the history entry, in one transaction.
    /// Throws <see cref="KeyNotFoundException"/> for an unknown flow or version.
    /// </summary>
    ValueTask<DeployRecord> SetDeployedAsync(string flowId, int? version, DeployAction action, string author, CancellationToken cancellationToken);

    /// <summary>Every deployed flow with its deployed version's JSON, for restart recovery.</summary>
    ValueTask<IReadOnlyList<DeployedFlow>> ListDeployedAsync(CancellationToken cancellationToken);

    /// <summary>A flow's deploy history, newest first.</summary>
    ValueTask<IReadOnlyList<DeployRecord>> ListDeploysAsync(string flowId, int take, CancellationToken cancellationToken);
}
