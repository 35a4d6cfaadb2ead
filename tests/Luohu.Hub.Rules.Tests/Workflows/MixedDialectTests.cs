using Luohu.Hub.Rules.Workflows;
using static Luohu.Hub.Rules.Tests.Workflows.Workflows;

namespace Luohu.Hub.Rules.Tests.Workflows;

public sealed class MixedDialectTests
{
    private const string Lot = """{ "lot": { "id": "LH-1", "free": 12, "total": 400 } }""";

    [Fact]
    public async Task LambdaAndJavaScriptRules_MixInOneWorkflow_WithOneResultShape()
    {
        var workflow = WorkflowJson.Parse("""
            { "WorkflowName": "Mixed",
              "GlobalParams": [ { "Name": "ratio", "Expression": "Convert.ToDouble(lot.free) / lot.total" } ],
              "Rules": [ { "RuleName": "P", "Operator": "AndAlso", "Rules": [
                  { "RuleName": "Lambda", "Expression": "ratio < 0.5" },
                  { "RuleName": "Js", "RuleExpressionType": "JavaScript", "Expression": "lot.free > 10 && round(lot.free / lot.total, 2) < 0.5",
                    "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "({ id: lot.id, pct: round(lot.free * 100 / lot.total, 1) })" } } } } ] } ] }
            """);

        var result = (await Engine().Run(workflow, Lot)).Results[0];

        Assert.True(result.IsSuccess);
        Assert.Equal(["Lambda", "Js"], result.ChildResults.Select(c => c.RuleName));
        Assert.All(result.ChildResults, c => Assert.True(c.IsSuccess));
        Assert.Equal("{\"id\":\"LH-1\",\"pct\":3}", result.ChildResults[1].ActionResult!.Output!.ToJsonString());
        Assert.Equal(0.03, result.Params!["ratio"]!.GetValue<double>());
    }

    [Fact]
    public async Task JavaScriptGlobalParams_AreSeenByLambdaRulesToo()
    {
        var workflow = WorkflowJson.Parse("""
            { "WorkflowName": "Mixed", "RuleExpressionType": "JavaScript",
              "GlobalParams": [ { "Name": "limits", "Expression": "({ low: 20 })" } ],
              "Rules": [ { "RuleName": "Lambda", "RuleExpressionType": "LambdaExpression", "Expression": "lot.free < limits.low" },
                         { "RuleName": "Js", "Expression": "lot.free < limits.low" } ] }
            """);

        var result = await Engine().Run(workflow, Lot);

        Assert.True(result.IsSuccess, string.Join("; ", result.Results.Select(r => r.ErrorMessage)));
    }

    [Fact]
    public async Task NestedRules_InheritTheirParentsDialect()
    {
        var workflow = WorkflowJson.Parse("""
            { "WorkflowName": "Mixed", "Rules": [ { "RuleName": "P", "RuleExpressionType": "JavaScript", "Operator": "And", "Rules": [ { "RuleName": "C", "Expression": "lot.id === 'LH-1'" } ] } ] }
            """);

        Assert.True((await Engine().Run(workflow, Lot)).IsSuccess);
    }

    [Fact]
    public async Task AWorkflowWithoutRuleExpressionType_IsLambda_AsInRulesEngine()
    {
        var result = (await Engine().Run(Of(Leaf("JsSyntax", "lot.id === 'LH-1'")), Lot)).Results[0];

        Assert.False(result.IsSuccess);
        Assert.StartsWith("Exception while parsing expression `lot.id === 'LH-1'`", result.ExceptionMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwinSamples_InBothDialects_GiveTheSameOutcomeForEveryCase()
    {
        foreach (var sample in new[] { "parking-nearly-full", "water-level-warning", "credit-eligibility" })
        {
            var javaScript = Samples.Load(sample);
            var lambda = Samples.Load($"{sample}.lambda");
            foreach (var (name, inputs) in Samples.Cases(sample))
            {
                var viaJavaScript = await Engine().EvaluateAsync(javaScript, inputs, null, CancellationToken.None);
                var viaLambda = await Engine().EvaluateAsync(lambda, inputs, null, CancellationToken.None);

                Assert.True(viaJavaScript.IsSuccess == viaLambda.IsSuccess, $"{sample}/{name}: JavaScript {viaJavaScript.IsSuccess}, lambda {viaLambda.IsSuccess} ({viaLambda.Results[0].ErrorMessage})");
                Assert.Equal(viaJavaScript.SuccessEvents, viaLambda.SuccessEvents);
            }
        }
    }
}
