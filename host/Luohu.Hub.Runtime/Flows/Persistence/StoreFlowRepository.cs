using Luohu.Hub.Runtime.Storage;

namespace Luohu.Hub.Runtime.Flows.Persistence;

/// <summary>Flows in the hub's store (<see cref="IFlowStore"/>: SQLite now, PostgreSQL later).</summary>
internal sealed class StoreFlowRepository(IFlowStore store) : IFlowRepository
{
    public async Task<IReadOnlyList<FlowDraftRecord>> ListAsync(string? department, CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(department, cancellationToken)).Select(ToDraft)];

    public async Task<FlowDraftRecord?> GetAsync(string flowId, CancellationToken cancellationToken) =>
        await store.GetAsync(flowId, cancellationToken) is { } record ? ToDraft(record) : null;

    public async Task SaveDraftAsync(FlowDraftRecord draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await store.UpsertDraftAsync(new FlowRecord
        {
            Id = draft.Id,
            Name = draft.Name,
            Department = draft.Department,
            Json = draft.Json,
            UpdatedBy = draft.UpdatedBy ?? "unknown",
            UpdatedAt = draft.UpdatedAt,
        }, cancellationToken);
    }

    public async Task DeleteAsync(string flowId, CancellationToken cancellationToken) => await store.DeleteAsync(flowId, cancellationToken);

    public async Task<FlowVersionRecord> AddVersionAsync(string flowId, string json, string author, string? comment, CancellationToken cancellationToken) =>
        ToVersion(await store.AddVersionAsync(flowId, json, author, comment, cancellationToken));

    public async Task<FlowVersionRecord?> GetVersionAsync(string flowId, int version, CancellationToken cancellationToken) =>
        await store.GetVersionAsync(flowId, version, cancellationToken) is { } record ? ToVersion(record) : null;

    public async Task<IReadOnlyList<FlowVersionRecord>> ListVersionsAsync(string flowId, CancellationToken cancellationToken) =>
        [.. (await store.ListVersionsAsync(flowId, cancellationToken)).Select(ToVersion).OrderByDescending(v => v.Version)];

    public async Task SetDeployedAsync(string flowId, int? version, string action, string author, CancellationToken cancellationToken)
    {
        var kind = action switch
        {
            "rollback" => DeployAction.Rollback,
            "undeploy" => DeployAction.Undeploy,
            _ => DeployAction.Deploy,
        };
        await store.SetDeployedAsync(flowId, version, kind, author, cancellationToken);
    }

    public async Task<IReadOnlyList<FlowVersionRecord>> ListDeployedAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListDeployedAsync(cancellationToken)).Select(d => new FlowVersionRecord(d.FlowId, d.Version, d.Json, d.DeployedBy, d.DeployedAt, null))];

    private static FlowDraftRecord ToDraft(FlowRecord record) => new()
    {
        Id = record.Id,
        Name = record.Name,
        Department = record.Department,
        Json = record.Json,
        UpdatedAt = record.UpdatedAt,
        UpdatedBy = record.UpdatedBy,
        DeployedVersion = record.DeployedVersion,
    };

    private static FlowVersionRecord ToVersion(Storage.FlowVersionRecord record) =>
        new(record.FlowId, record.Version, record.Json, record.Author, record.CreatedAt, record.Comment);
}
