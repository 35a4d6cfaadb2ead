using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Tests.TestSupport;
using Luohu.Hub.Rules.Workflows;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Rules.Tests.Workflows;

/// <summary>Builders for workflow tests.</summary>
public static class Workflows
{
    public static WorkflowEngine Engine(RulesOptions? options = null)
    {
        options ??= new RulesOptions();
        return new WorkflowEngine(Sandboxes.Create(options: options), Options.Create(options));
    }

    public static WorkflowValidator Validator()
    {
        var sandbox = Sandboxes.Create();
        return new WorkflowValidator(sandbox, new WorkflowEngine(sandbox));
    }

    public static Rule Leaf(string name, string expression) => new() { RuleName = name, Expression = expression };

    /// <summary>A lambda workflow (RulesEngine's default dialect).</summary>
    public static Workflow Of(params Rule[] rules) => new() { WorkflowName = "Test", Rules = rules };

    /// <summary>A JavaScript workflow.</summary>
    public static Workflow Js(params Rule[] rules) => Of(rules) with { RuleExpressionType = RuleDialects.JavaScriptName };

    public static ActionInfo Output(string expression) => new() { Name = "OutputExpression", Context = new JsonObject { ["Expression"] = expression } };

    public static ActionInfo Chain(string ruleName, string workflowName = "Test") =>
        new() { Name = "EvaluateRule", Context = new JsonObject { ["workflowName"] = workflowName, ["ruleName"] = ruleName } };

    public static Dictionary<string, JsonNode?> Inputs(string json)
    {
        var inputs = new Dictionary<string, JsonNode?>();
        foreach (var (name, value) in JsonNode.Parse(json)!.AsObject())
        {
            inputs[name] = value?.DeepClone();
        }

        return inputs;
    }

    public static Task<WorkflowResult> Run(this WorkflowEngine engine, Workflow workflow, string inputsJson = "{}", RuleEvaluationOptions? options = null) =>
        engine.EvaluateAsync(workflow, Inputs(inputsJson), options, CancellationToken.None);

    public static ScriptLimits Tight { get; } = new() { MaxStatements = 500 };
}
