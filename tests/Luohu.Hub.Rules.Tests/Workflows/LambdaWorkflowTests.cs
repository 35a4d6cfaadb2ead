using System.Dynamic;
using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Workflows;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using RulesEngine.Models;
using static Luohu.Hub.Rules.Tests.Workflows.Workflows;
using ReRulesEngine = RulesEngine.RulesEngine;
using ReWorkflow = RulesEngine.Models.Workflow;

namespace Luohu.Hub.Rules.Tests.Workflows;

/// <summary>
/// Workflows written for Microsoft RulesEngine run unchanged in the hub and give what RulesEngine itself gives when a
/// .NET system hands it the same JSON (read with Json.NET into expandos, the usual way): each case runs both and
/// compares the trees rule by rule — outcome, exception or error text, success event and action output.
/// </summary>
public sealed class LambdaWorkflowTests
{
    private const string Lot = """{ "lot": { "id": "LH-0042", "free": 12, "total": 400, "area": "Dongmen", "updatedAt": "2026-12-03T07:00:00Z", "readings": [ { "free": 30 }, { "free": 12 } ] } }""";

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "leaf", """{ "WorkflowName": "W", "Rules": [ { "RuleName": "Low", "Expression": "lot.free < 20", "SuccessEvent": "parking.low" } ] }""", Lot },
        { "positional", """{ "WorkflowName": "W", "Rules": [ { "RuleName": "Low", "Expression": "input1.free < input2.threshold" } ] }""", """{ "input1": { "free": 5 }, "input2": { "threshold": 10 } }""" },
        {
            "nested", """
            { "WorkflowName": "W", "Rules": [
              { "RuleName": "P", "Operator": "AndAlso", "Rules": [
                  { "RuleName": "A", "Expression": "lot.free > 0" },
                  { "RuleName": "B", "Operator": "OrElse", "Rules": [
                      { "RuleName": "B1", "Expression": "lot.area == \"Guomao\"" },
                      { "RuleName": "B2", "Expression": "lot.total >= 400" } ] },
                  { "RuleName": "C", "Operator": "And", "Rules": [ { "RuleName": "C1", "Expression": "lot.free < 10" }, { "RuleName": "C2", "Expression": "true" } ] } ] },
              { "RuleName": "Q", "Operator": "Or", "Rules": [ { "RuleName": "Q1", "Expression": "false" }, { "RuleName": "Q2", "Expression": "lot.id.StartsWith(\"LH\")" } ] } ] }
            """, Lot
        },
        {
            "params", """
            { "WorkflowName": "W",
              "GlobalParams": [ { "Name": "ratio", "Expression": "Convert.ToDouble(lot.free) / lot.total" } ],
              "Rules": [ { "RuleName": "NearlyFull", "LocalParams": [ { "Name": "pct", "Expression": "ratio * 100" } ],
                           "Expression": "pct < 10 || lot.free < 20", "SuccessEvent": "parking.nearly-full" } ] }
            """, Lot
        },
        {
            "error-message", """
            { "WorkflowName": "W", "Rules": [ { "RuleName": "Room", "Expression": "lot.free > 100", "ErrorMessage": "Only $(lot.free) spaces in $(lot.id)." } ] }
            """, Lot
        },
        {
            "actions", """
            { "WorkflowName": "W", "Rules": [
              { "RuleName": "Status", "Expression": "lot.free < 20",
                "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "lot.free * 100 / lot.total" } },
                             "OnFailure": { "Name": "OutputExpression", "Context": { "Expression": "\"available\"" } } } },
              { "RuleName": "Chain", "Expression": "true",
                "Actions": { "OnSuccess": { "Name": "EvaluateRule", "Context": { "workflowName": "W", "ruleName": "Status" } } } } ] }
            """, Lot
        },
        { "lists", """{ "WorkflowName": "W", "Rules": [ { "RuleName": "AnyLow", "Expression": "lot.readings.Any(r => r.free < 15) && lot.readings.Count == 2" } ] }""", Lot },
        { "dates", """{ "WorkflowName": "W", "Rules": [ { "RuleName": "Recent", "Expression": "lot.updatedAt > DateTime.Parse(\"2026-01-01T00:00:00Z\").ToUniversalTime() && lot.updatedAt.Hour == 7" } ] }""", Lot },
        { "runtime-error", """{ "WorkflowName": "W", "Rules": [ { "RuleName": "Boom", "Expression": "lot.free / (lot.total - 400) > 1" } ] }""", Lot },
        { "parse-error", """{ "WorkflowName": "W", "Rules": [ { "RuleName": "Typo", "Expression": "lot.fre < 10" }, { "RuleName": "Fine", "Expression": "true" } ] }""", Lot },
        { "disabled", """{ "WorkflowName": "W", "Rules": [ { "RuleName": "Off", "Expression": "false", "Enabled": false }, { "RuleName": "On", "Expression": "true" } ] }""", Lot },
        { "several-inputs", """{ "WorkflowName": "W", "Rules": [ { "RuleName": "Credit", "Expression": "applicant.creditScore >= policy.minScore && bill.amount <= applicant.line" } ] }""",
          """{ "applicant": { "creditScore": 712, "line": 5000.5 }, "policy": { "minScore": 650 }, "bill": { "amount": 1200 } }""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Workflow_GivesWhatRulesEngineItselfGives(string name, string workflowJson, string inputsJson)
    {
        var expected = await RulesEngineResults(workflowJson, inputsJson);

        var actual = await Engine().EvaluateAsync(WorkflowJson.Parse(workflowJson), Inputs(inputsJson), null, CancellationToken.None);

        var evaluated = actual.Results.Where(r => !r.IsSkipped).ToList();
        Assert.True(expected.Count == evaluated.Count, $"{name}: {expected.Count} results from RulesEngine, {evaluated.Count} from the hub");
        for (var i = 0; i < expected.Count; i++)
        {
            AssertSame(expected[i], evaluated[i], name);
        }
    }

    [Fact]
    public async Task DisabledRule_IsReportedAsSkipped_WhereRulesEngineLeavesItOut()
    {
        var result = await Engine().Run(WorkflowJson.Parse("""{ "WorkflowName": "W", "Rules": [ { "RuleName": "Off", "Expression": "false", "Enabled": false }, { "RuleName": "On", "Expression": "true" } ] }"""));

        Assert.Equal((true, "disabled (Enabled is false)"), (result.Results[0].IsSkipped, result.Results[0].SkipReason));
        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task HubHelpers_AreAvailableAsHub()
    {
        var workflow = WorkflowJson.Parse("""
            { "WorkflowName": "W", "Rules": [ { "RuleName": "Near", "Expression": "Hub.DistanceMeters(a.lat, a.lon, b.lat, b.lon) < 1200 && Hub.Round(a.lat, 1) == 22.5 && Hub.Clamp(a.lat, 0, 10) == 10 && Hub.isoTime(0) == \"1970-01-01T00:00:00.000Z\"" } ] }
            """);

        var result = await Engine().Run(workflow, """{ "a": { "lat": 22.54, "lon": 114.12 }, "b": { "lat": 22.55, "lon": 114.12 } }""");

        Assert.True(result.IsSuccess, result.Results[0].ExceptionMessage);
    }

    [Fact]
    public async Task Params_AreInTheResultTree()
    {
        var workflow = WorkflowJson.Parse("""{ "WorkflowName": "W", "GlobalParams": [ { "Name": "half", "Expression": "lot.total / 2" } ], "Rules": [ { "RuleName": "R", "Expression": "lot.free < half" } ] }""");

        var result = await Engine().Run(workflow, Lot);

        Assert.Equal(200, result.Results[0].Params!["half"]!.GetValue<long>());
    }

    private static void AssertSame(RuleResultTree expected, RuleResult actual, string path)
    {
        path = $"{path}/{expected.Rule.RuleName}";
        Assert.True(expected.Rule.RuleName == actual.RuleName, $"{path}: rule name");
        Assert.True(expected.IsSuccess == actual.IsSuccess, $"{path}: RulesEngine says {expected.IsSuccess}, the hub {actual.IsSuccess} ({actual.ErrorMessage})");
        if (!string.IsNullOrEmpty(expected.ExceptionMessage))
        {
            Assert.Equal(expected.ExceptionMessage, actual.ErrorMessage);
        }
        else
        {
            Assert.Null(actual.ExceptionMessage);
        }

        Assert.Equal(expected.IsSuccess ? expected.Rule.SuccessEvent : null, actual.SuccessEvent);
        var expectedOutput = expected.ActionResult?.Output is { } output ? System.Text.Json.JsonSerializer.SerializeToNode(output)?.ToJsonString() : null;
        Assert.Equal(expectedOutput, actual.ActionResult?.Output?.ToJsonString());
        var children = expected.ChildResults?.ToList() ?? [];
        var actualChildren = actual.ChildResults.Where(c => !c.IsSkipped).ToList();
        Assert.Equal(children.Count, actualChildren.Count);
        for (var i = 0; i < children.Count; i++)
        {
            AssertSame(children[i], actualChildren[i], path);
        }
    }

    /// <summary>RulesEngine on its own: its JSON reading of the workflow, Json.NET expandos as inputs, default settings (plus the hub's helpers).</summary>
    private static async Task<List<RuleResultTree>> RulesEngineResults(string workflowJson, string inputsJson)
    {
        var workflow = System.Text.Json.JsonSerializer.Deserialize<ReWorkflow>(workflowJson)!;
        var engine = new ReRulesEngine([workflow], new ReSettings { CustomTypes = [typeof(Luohu.Hub.Rules.Workflows.Lambda.Hub)] });
        var inputs = (IDictionary<string, object?>)JsonConvert.DeserializeObject<ExpandoObject>(inputsJson, new ExpandoObjectConverter())!;
        var parameters = inputs.Select(i => new RuleParameter(i.Key, i.Value)).ToArray();
        return await engine.ExecuteAllRulesAsync(workflow.WorkflowName, parameters);
    }
}
