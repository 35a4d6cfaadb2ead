using Luohu.Hub.Runtime.Flows.Scripting;

namespace Luohu.Hub.Runtime.RuleLibrary;

/// <summary>What went wrong with a rules-library operation.</summary>
internal enum RuleLibraryErrorKind
{
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>A rules-library operation that cannot be done; the message says why and what to do, the problems where.</summary>
internal sealed class RuleLibraryException(RuleLibraryErrorKind kind, string message, IReadOnlyList<FlowScriptProblem>? problems = null) : Exception(message)
{
    public RuleLibraryErrorKind Kind { get; } = kind;

    public IReadOnlyList<FlowScriptProblem> Problems { get; } = problems ?? [];
}
