namespace Luohu.Hub.Runtime.Flows;

/// <summary>A flow operation that could not be done; nothing was changed.</summary>
internal sealed class FlowException(FlowErrorKind kind, string message, IReadOnlyList<FlowProblem>? problems = null) : Exception(message)
{
    public FlowErrorKind Kind { get; } = kind;
    public IReadOnlyList<FlowProblem> Problems { get; } = problems ?? [];
}
