namespace Luohu.Hub.Rules.Workflows;

/// <summary>
/// A rule workflow in Microsoft RulesEngine's JSON shape. Rules are lambda expressions (RulesEngine's own) or
/// JavaScript (<c>"RuleExpressionType": "JavaScript"</c>), mixed freely; see <see cref="RuleDialects"/>.
/// Read it with <see cref="WorkflowJson.Parse(string)"/> (property names are case-insensitive).
/// </summary>
public sealed record Workflow
{
    /// <summary>The workflow's name; required.</summary>
    public string? WorkflowName { get; init; }

    /// <summary>
    /// The dialect of the workflow's GlobalParams and of every rule that names none: <c>LambdaExpression</c> (the
    /// default, as in RulesEngine) or <c>JavaScript</c>.
    /// </summary>
    public string? RuleExpressionType { get; init; }

    /// <summary>Named expressions evaluated once per evaluation, before any rule, visible to every rule by name.</summary>
    public IReadOnlyList<ScopedParam>? GlobalParams { get; init; }

    /// <summary>RulesEngine's injection of other workflows' rules; not supported in the hub (the validator says so).</summary>
    public IReadOnlyList<string>? WorkflowsToInject { get; init; }

    /// <summary>The top-level rules, evaluated in order.</summary>
    public IReadOnlyList<Rule>? Rules { get; init; }
}
