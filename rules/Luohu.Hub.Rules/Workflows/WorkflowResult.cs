namespace Luohu.Hub.Rules.Workflows;

/// <summary>The outcome of a workflow evaluation.</summary>
public sealed record WorkflowResult
{
    /// <summary>The workflow's name.</summary>
    public required string WorkflowName { get; init; }

    /// <summary><see langword="true"/> when every evaluated top-level rule succeeded (skipped rules do not count).</summary>
    public bool IsSuccess { get; init; }

    /// <summary>Events of the rules that succeeded, in order (nested rules included).</summary>
    public IReadOnlyList<string> SuccessEvents { get; init; } = [];

    /// <summary>One result per top-level rule, in order.</summary>
    public IReadOnlyList<RuleResult> Results { get; init; } = [];
}
