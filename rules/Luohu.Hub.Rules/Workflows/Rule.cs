using System.Text.Json.Nodes;

namespace Luohu.Hub.Rules.Workflows;

/// <summary>
/// One rule: a leaf with an <see cref="Expression"/> that must evaluate to <c>true</c> or <c>false</c>, or a parent
/// whose nested <see cref="Rules"/> are combined by <see cref="Operator"/>.
/// </summary>
public sealed record Rule
{
    /// <summary>Unique within the whole workflow (so <c>EvaluateRule</c> can name it).</summary>
    public string? RuleName { get; init; }

    /// <summary>An expression over the inputs and params, in the rule's dialect; a leaf rule needs one.</summary>
    public string? Expression { get; init; }

    /// <summary><c>LambdaExpression</c> or <c>JavaScript</c>; when absent, the workflow's (or the parent rule's) dialect.</summary>
    public string? RuleExpressionType { get; init; }

    /// <summary>For a parent: <c>And</c>, <c>AndAlso</c>, <c>Or</c> or <c>OrElse</c>, spelled as RulesEngine reads them.</summary>
    public string? Operator { get; init; }

    /// <summary>A disabled rule is not evaluated and is reported as skipped. Default <see langword="true"/>.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Reported on the result when the rule succeeds.</summary>
    public string? SuccessEvent { get; init; }

    /// <summary>Reported on the result when the rule fails; <c>$(name)</c> and <c>$(input1.field)</c> are filled in.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Named expressions evaluated before this rule, in order; visible to it and to its nested rules.</summary>
    public IReadOnlyList<ScopedParam>? LocalParams { get; init; }

    /// <summary>Nested rules of a parent.</summary>
    public IReadOnlyList<Rule>? Rules { get; init; }

    /// <summary>What to run after the rule succeeds or fails.</summary>
    public RuleActions? Actions { get; init; }

    /// <summary>RulesEngine's free-form tags of the rule, kept as they are.</summary>
    public JsonObject? Properties { get; init; }
}
