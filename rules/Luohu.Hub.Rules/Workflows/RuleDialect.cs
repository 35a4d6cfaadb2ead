namespace Luohu.Hub.Rules.Workflows;

/// <summary>The language of a rule's expressions, named by <c>RuleExpressionType</c>.</summary>
public enum RuleDialect
{
    /// <summary><c>LambdaExpression</c>: C#-like lambda expressions run by Microsoft RulesEngine itself (System.Linq.Dynamic.Core).</summary>
    Lambda,

    /// <summary><c>JavaScript</c>: JavaScript expressions run in the hub's sandbox (Jint).</summary>
    JavaScript,
}

/// <summary>
/// How a <c>RuleExpressionType</c> value is read. A rule without one takes its workflow's; a workflow without one is
/// <c>LambdaExpression</c>, as in RulesEngine, so a workflow exported from any .NET system runs unchanged. Params
/// follow their owner: <c>GlobalParams</c> the workflow's dialect, <c>LocalParams</c> and actions their rule's.
/// </summary>
public static class RuleDialects
{
    /// <summary>RulesEngine's name for lambda expressions.</summary>
    public const string LambdaName = "LambdaExpression";

    /// <summary>The hub's name for JavaScript expressions.</summary>
    public const string JavaScriptName = "JavaScript";

    /// <summary>The accepted values, for messages.</summary>
    public const string Accepted = $"{LambdaName} or {JavaScriptName}";

    /// <summary>Reads a <c>RuleExpressionType</c> value (case-insensitive); <see langword="null"/> or empty gives <paramref name="inherited"/>.</summary>
    public static bool TryRead(string? value, RuleDialect inherited, out RuleDialect dialect)
    {
        dialect = inherited;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (string.Equals(value.Trim(), LambdaName, StringComparison.OrdinalIgnoreCase))
        {
            dialect = RuleDialect.Lambda;
            return true;
        }

        if (string.Equals(value.Trim(), JavaScriptName, StringComparison.OrdinalIgnoreCase))
        {
            dialect = RuleDialect.JavaScript;
            return true;
        }

        return false;
    }

    /// <summary>The dialect of <paramref name="workflow"/>'s own expressions (its GlobalParams, and rules that name none).</summary>
    public static RuleDialect Of(Workflow workflow) =>
        TryRead(workflow.RuleExpressionType, RuleDialect.Lambda, out var dialect) ? dialect : RuleDialect.Lambda;

    /// <summary>The dialect of <paramref name="rule"/> inside a workflow (or parent rule) of <paramref name="inherited"/>.</summary>
    public static RuleDialect Of(Rule rule, RuleDialect inherited) =>
        TryRead(rule.RuleExpressionType, inherited, out var dialect) ? dialect : inherited;
}
