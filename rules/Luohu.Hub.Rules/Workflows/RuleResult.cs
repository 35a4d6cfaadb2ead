using System.Text.Json.Nodes;

namespace Luohu.Hub.Rules.Workflows;

/// <summary>The outcome of one rule, with its nested rules' outcomes: a tree a person can read.</summary>
public sealed record RuleResult
{
    /// <summary>The rule's name.</summary>
    public required string RuleName { get; init; }

    /// <summary>The rule's expression (or operator) held.</summary>
    public bool IsSuccess { get; init; }

    /// <summary>The rule was not evaluated: see <see cref="SkipReason"/>.</summary>
    public bool IsSkipped { get; init; }

    /// <summary>Why it was skipped: disabled, or short-circuited by its parent's AndAlso/OrElse.</summary>
    public string? SkipReason { get; init; }

    /// <summary>The rule's <c>SuccessEvent</c>, when it succeeded.</summary>
    public string? SuccessEvent { get; init; }

    /// <summary>When it failed: the rule's <c>ErrorMessage</c>, or the reason it could not be evaluated.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>When evaluation itself failed (syntax error, script error, limit): the exception text.</summary>
    public string? ExceptionMessage { get; init; }

    /// <summary>Values of the params this rule saw (global and local), by name.</summary>
    public IReadOnlyDictionary<string, JsonNode?>? Params { get; init; }

    /// <summary>Outcomes of the nested rules, in order.</summary>
    public IReadOnlyList<RuleResult> ChildResults { get; init; } = [];

    /// <summary>What the OnSuccess/OnFailure action produced, when one ran.</summary>
    public ActionResult? ActionResult { get; init; }
}
