namespace Luohu.Hub.Rules.Workflows;

/// <summary>
/// A rule workflow in the JSON shape of Microsoft RulesEngine, with JavaScript (ES5.1) expressions.
/// Read it with <see cref="WorkflowJson.Parse(string)"/> (property names are case-insensitive).
/// </summary>
public sealed record Workflow
{
    /// <summary>The workflow's name; required.</summary>
    public string? WorkflowName { get; init; }

    /// <summary>Named expressions evaluated once per evaluation, before any rule, visible to every rule by name.</summary>
    public IReadOnlyList<ScopedParam>? GlobalParams { get; init; }

    /// <summary>The top-level rules, evaluated in order.</summary>
    public IReadOnlyList<Rule>? Rules { get; init; }
}
