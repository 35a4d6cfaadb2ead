namespace Luohu.Hub.Runtime.Flows;

/// <summary>A flow in the list: its draft, what is deployed, and how it runs.</summary>
internal sealed record FlowSummary
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Department { get; init; }
    public string? Description { get; init; }

    /// <summary>Departments the draft shares the flow with, read-only (see <see cref="FlowDefinition.SharedWith"/>).</summary>
    public IReadOnlyList<string> SharedWith { get; init; } = [];

    /// <summary><c>draft</c> (never deployed), <c>deployed</c>, or <c>error</c> (the deployed version failed to start).</summary>
    public required string State { get; init; }

    /// <summary>Why the state is <c>error</c> (the deployed version failed to start), else null.</summary>
    public string? StateReason { get; init; }
    public int? DeployedVersion { get; init; }

    /// <summary>The draft differs from the deployed version.</summary>
    public bool HasUndeployedChanges { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public string? UpdatedBy { get; init; }

    /// <summary>Messages entering the flow's triggers over the last minute.</summary>
    public double MessagesPerMinute { get; init; }
    public long Errors { get; init; }
}
