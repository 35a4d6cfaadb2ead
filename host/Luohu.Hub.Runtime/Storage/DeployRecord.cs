namespace Luohu.Hub.Runtime.Storage;

/// <summary>One entry of a flow's deploy history.</summary>
internal sealed record DeployRecord
{
    public required long Id { get; init; }
    public required string FlowId { get; init; }

    /// <summary>The version that became deployed; <see langword="null"/> for an undeploy.</summary>
    public int? Version { get; init; }
    public required DeployAction Action { get; init; }
    public required string Author { get; init; }
    public required DateTimeOffset At { get; init; }
}
