namespace Luohu.Hub.Runtime.Storage;

/// <summary>A flow that is deployed, with the JSON of its deployed version: what restart recovery starts.</summary>
internal sealed record DeployedFlow
{
    public required string FlowId { get; init; }
    public required int Version { get; init; }
    public required string Json { get; init; }
    public required string DeployedBy { get; init; }
    public required DateTimeOffset DeployedAt { get; init; }
}
