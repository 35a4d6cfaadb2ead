namespace Luohu.Hub.Rules.Workflows;

/// <summary>
/// One rule: a leaf with a JavaScript <see cref="Expression"/> that must evaluate to <c>true</c> or <c>false</c>,
/// or a parent whose nested <see cref="Rules"/> are combined by <see cref="Operator"/>.
/// </summary>
public sealed record Rule
{
    /// <summary>Unique within the whole workflow (so <c>EvaluateRule</c> can name it).</summary>
    public string? RuleName { get; init; }

    /// <summary>A JavaScript expression over the inputs and params; a leaf rule needs one.</summary>
    public string? Expression { get; init; }

    /// <summary>For a parent: <c>And</c>, <c>AndAlso</c>, <c>Or</c> or <c>OrElse</c> (case-insensitive).</summary>
    public string? Operator { get; init; }

    /// <summary>A disabled rule is not evaluated and is reported as skipped. Default <see langword="true"/>.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Reported on the result when the rule succeeds.</summary>
    public string? SuccessEvent { get; init; }

    /// <summary>Reported on the result when the rule fails (instead of a generic message).</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Named expressions evaluated before this rule, in order; visible to it and to its nested rules.</summary>
    public IReadOnlyList<ScopedParam>? LocalParams { get; init; }

    /// <summary>Nested rules of a parent.</summary>
    public IReadOnlyList<Rule>? Rules { get; init; }

    /// <summary>What to run after the rule succeeds or fails.</summary>
    public RuleActions? Actions { get; init; }

    /// <summary>Accepted for compatibility with RulesEngine JSON and ignored: every expression here is JavaScript.</summary>
    public string? RuleExpressionType { get; init; }
}
