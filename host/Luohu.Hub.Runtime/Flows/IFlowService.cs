using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.Flows;

/// <summary>
/// Flows as the API and the designer see them. Drafts may be saved with problems; only a valid flow deploys.
/// Failures throw <see cref="FlowException"/> and change nothing.
/// </summary>
internal interface IFlowService
{
    Task<IReadOnlyList<FlowSummary>> ListAsync(string? department, CancellationToken cancellationToken);

    /// <summary>The current draft, or null.</summary>
    Task<FlowDefinition?> GetAsync(string flowId, CancellationToken cancellationToken);

    Task<FlowSummary?> GetSummaryAsync(string flowId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the draft. Returns its problems (empty when valid) without refusing to save.</summary>
    Task<IReadOnlyList<FlowProblem>> SaveAsync(FlowDefinition flow, string author, CancellationToken cancellationToken);

    /// <summary>Undeploys and deletes the flow with its versions and node state.</summary>
    Task DeleteAsync(string flowId, string author, CancellationToken cancellationToken);

    /// <summary>Every problem of a flow at once.</summary>
    IReadOnlyList<FlowProblem> Validate(FlowDefinition flow);

    /// <summary>Validates the draft, stores it as the next version and swaps it in live.</summary>
    Task<FlowDeployment> DeployAsync(string flowId, string author, string? comment, CancellationToken cancellationToken);

    Task<FlowDeployment> RollbackAsync(string flowId, int version, string author, CancellationToken cancellationToken);

    Task<IReadOnlyList<FlowVersionInfo>> ListVersionsAsync(string flowId, CancellationToken cancellationToken);

    Task<FlowDefinition> GetVersionAsync(string flowId, int version, CancellationToken cancellationToken);

    Task<FlowDiff> DiffAsync(string flowId, int fromVersion, int toVersion, CancellationToken cancellationToken);

    /// <summary>Sends a test message into a node of the deployed version; returns the message id.</summary>
    Task<string> InjectAsync(string flowId, string nodeId, string? topic, JsonNode? payload, CancellationToken cancellationToken);

    /// <summary>
    /// Starts or renews the watch of a node of the deployed version: for a lease, what it emits is copied to
    /// <c>$hub/debug/{flowId}/{nodeId}</c>. Returns when the lease ends.
    /// </summary>
    Task<DateTimeOffset> WatchAsync(string flowId, string nodeId, CancellationToken cancellationToken);
}
