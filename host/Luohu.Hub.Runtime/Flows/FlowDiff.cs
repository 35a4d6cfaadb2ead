namespace Luohu.Hub.Runtime.Flows;

/// <summary>What changed between two versions of a flow, node by node.</summary>
internal sealed record FlowDiff
{
    public required int From { get; init; }
    public required int To { get; init; }
    public IReadOnlyList<string> AddedNodes { get; init; } = [];
    public IReadOnlyList<string> RemovedNodes { get; init; } = [];

    /// <summary>Nodes whose type, name, config or disabled flag changed, with the JSON paths that differ.</summary>
    public IReadOnlyList<FlowNodeChange> ChangedNodes { get; init; } = [];
    public IReadOnlyList<FlowWire> AddedWires { get; init; } = [];
    public IReadOnlyList<FlowWire> RemovedWires { get; init; } = [];

    /// <summary>Flow-level properties that changed (name, description).</summary>
    public IReadOnlyList<string> ChangedProperties { get; init; } = [];
}
