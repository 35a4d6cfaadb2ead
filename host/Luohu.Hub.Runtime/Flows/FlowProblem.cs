namespace Luohu.Hub.Runtime.Flows;

/// <summary>One problem of a flow: where (<c>nodes[calc].config.code</c>, line and column for scripts) and what to do.</summary>
internal sealed record FlowProblem(string Path, string Message)
{
    /// <summary>The node at fault, so the designer can mark it; null for flow-level problems.</summary>
    public string? NodeId { get; init; }
    public int? Line { get; init; }
    public int? Column { get; init; }
}
