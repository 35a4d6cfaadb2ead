namespace Luohu.Hub.Runtime.Flows.Persistence;

/// <summary>A flow's current draft as stored: the flow file's JSON plus who changed it when.</summary>
internal sealed record FlowDraftRecord
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Department { get; init; }
    public required string Json { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public string? UpdatedBy { get; init; }

    /// <summary>The version handling new messages, or null when not deployed.</summary>
    public int? DeployedVersion { get; init; }
}
