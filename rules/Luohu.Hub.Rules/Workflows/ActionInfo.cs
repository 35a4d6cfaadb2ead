using System.Text.Json.Nodes;

namespace Luohu.Hub.Rules.Workflows;

/// <summary>Which action to run and its settings.</summary>
public sealed record ActionInfo
{
    /// <summary>The action's name: <c>OutputExpression</c>, <c>EvaluateRule</c> or a custom action registered in <see cref="RulesOptions.CustomActions"/>.</summary>
    public string? Name { get; init; }

    /// <summary>The action's settings, e.g. <c>{ "Expression": "..." }</c>.</summary>
    public JsonObject? Context { get; init; }
}
