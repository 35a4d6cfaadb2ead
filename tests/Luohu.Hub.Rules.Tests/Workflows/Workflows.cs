using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Tests.TestSupport;
using Luohu.Hub.Rules.Workflows;

namespace Luohu.Hub.Rules.Tests.Workflows;

/// <summary>Builders for workflow tests.</summary>
public static class Workflows
{
    public static RulesEngine Engine(params IRuleAction[] actions) => new(Sandboxes.Create(), actions);

    public static Rule Leaf(string name, string expression) => new() { RuleName = name, Expression = expression };

    public static Workflow Of(params Rule[] rules) => new() { WorkflowName = "Test", Rules = rules };

    public static Dictionary<string, JsonNode?> Inputs(string json)
    {
        var inputs = new Dictionary<string, JsonNode?>();
        foreach (var (name, value) in JsonNode.Parse(json)!.AsObject())
        {
            inputs[name] = value?.DeepClone();
        }

        return inputs;
    }

    public static Task<WorkflowResult> Run(this RulesEngine engine, Workflow workflow, string inputsJson = "{}", RuleEvaluationOptions? options = null) =>
        engine.EvaluateAsync(workflow, Inputs(inputsJson), options, CancellationToken.None);

    public static ScriptLimits Tight { get; } = new() { MaxStatements = 500 };
}
