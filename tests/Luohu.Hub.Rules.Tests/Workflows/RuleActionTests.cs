using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Workflows;
using static Luohu.Hub.Rules.Tests.Workflows.Workflows;

namespace Luohu.Hub.Rules.Tests.Workflows;

public sealed class RuleActionTests
{
    private static ActionInfo Output(string expression) => new() { Name = "OutputExpression", Context = new JsonObject { ["Expression"] = expression } };

    private static ActionInfo Chain(string ruleName) => new() { Name = "EvaluateRule", Context = new JsonObject { ["ruleName"] = ruleName } };

    [Fact]
    public async Task OutputExpression_OnSuccess_ReturnsTheValue()
    {
        var rule = Leaf("Low", "lot.free < 10") with { Actions = new RuleActions { OnSuccess = Output("({ status: 'low', free: lot.free })") } };

        var action = (await Engine().Run(Of(rule), "{\"lot\":{\"free\":3}}")).Results[0].ActionResult!;

        Assert.Equal("{\"status\":\"low\",\"free\":3}", action.Output!.ToJsonString());
        Assert.Null(action.Exception);
    }

    [Fact]
    public async Task OnFailure_RunsWhenTheRuleFails_AndOnSuccessDoesNot()
    {
        var rule = Leaf("Low", "false") with { Actions = new RuleActions { OnSuccess = Output("'yes'"), OnFailure = Output("'no'") } };

        var action = (await Engine().Run(Of(rule))).Results[0].ActionResult!;

        Assert.Equal("no", action.Output!.GetValue<string>());
    }

    [Fact]
    public async Task OutputExpression_SeesLocalParams()
    {
        var rule = Leaf("Pct", "true") with
        {
            LocalParams = [new ScopedParam { Name = "pct", Expression = "42" }],
            Actions = new RuleActions { OnSuccess = Output("pct + 1") },
        };

        Assert.Equal(43, (await Engine().Run(Of(rule))).Results[0].ActionResult!.Output!.GetValue<int>());
    }

    [Fact]
    public async Task ActionThatFails_IsReportedOnTheRule_WithoutChangingItsOutcome()
    {
        var rule = Leaf("A", "true") with { Actions = new RuleActions { OnSuccess = Output("nothing.here") } };

        var result = (await Engine().Run(Of(rule))).Results[0];

        Assert.True(result.IsSuccess);
        Assert.Contains("ReferenceError: nothing is not defined", result.ActionResult!.Exception, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateRule_ChainsIntoAnotherRuleOfTheWorkflow()
    {
        var first = Leaf("First", "true") with { Actions = new RuleActions { OnSuccess = Chain("Second") } };
        var second = Leaf("Second", "input1.level > 3") with { Actions = new RuleActions { OnSuccess = Output("'chained'") } };

        var output = (await Engine().Run(Of(first, second), "{\"station\":{\"level\":4}}")).Results[0].ActionResult!.Output!;

        Assert.Equal("Second", output["ruleName"]!.GetValue<string>());
        Assert.True(output["isSuccess"]!.GetValue<bool>());
        Assert.Equal("chained", output["actionResult"]!["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task EvaluateRule_InALoop_StopsAtTheChainDepth()
    {
        var a = Leaf("A", "true") with { Actions = new RuleActions { OnSuccess = Chain("B") } };
        var b = Leaf("B", "true") with { Actions = new RuleActions { OnSuccess = Chain("A") } };

        var result = (await Engine().Run(Of(a, b), options: new RuleEvaluationOptions { MaxChainDepth = 3 })).Results[0];

        Assert.Contains("MaxChainDepth (3)", result.ActionResult!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateRule_IntoAnotherWorkflow_IsRefused()
    {
        var rule = Leaf("A", "true") with
        {
            Actions = new RuleActions { OnSuccess = new ActionInfo { Name = "EvaluateRule", Context = new JsonObject { ["WorkflowName"] = "Other", ["ruleName"] = "A" } } },
        };

        var action = (await Engine().Run(Of(rule))).Results[0].ActionResult!;

        Assert.Contains("only chain within the current workflow", action.Exception, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAction_IsReportedWithTheKnownOnes()
    {
        var rule = Leaf("A", "true") with { Actions = new RuleActions { OnSuccess = new ActionInfo { Name = "Teleport" } } };

        var action = (await Engine().Run(Of(rule))).Results[0].ActionResult!;

        Assert.Contains("Unknown action 'Teleport'", action.Exception, StringComparison.Ordinal);
        Assert.Contains("OutputExpression", action.Exception, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomAction_IsCalledWithTheRuleAndItsContext()
    {
        var publish = new RecordingAction("Publish");
        var rule = Leaf("Full", "lot.free === 0") with
        {
            Actions = new RuleActions { OnSuccess = new ActionInfo { Name = "publish", Context = new JsonObject { ["topic"] = "alerts/parking" } } },
        };

        var result = (await Engine(publish).Run(Of(rule), "{\"lot\":{\"free\":0}}")).Results[0];

        Assert.Equal("alerts/parking", publish.Topic);
        Assert.Equal(0, publish.Free);
        Assert.Equal("sent", result.ActionResult!.Output!.GetValue<string>());
    }

    [Fact]
    public async Task CustomAction_WithABuiltInsName_ReplacesIt()
    {
        var rule = Leaf("A", "true") with { Actions = new RuleActions { OnSuccess = Output("1") } };

        var output = (await Engine(new RecordingAction("OutputExpression")).Run(Of(rule))).Results[0].ActionResult!.Output!;

        Assert.Equal("sent", output.GetValue<string>());
    }

    private sealed class RecordingAction(string name) : IRuleAction
    {
        public string Name => name;

        public string? Topic { get; private set; }

        public int? Free { get; private set; }

        public async ValueTask<JsonNode?> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
        {
            await Task.Yield();
            Topic = context.GetContextString("TOPIC");
            Free = context.Variables.TryGetValue("lot", out var lot) ? lot!["free"]!.GetValue<int>() : null;
            return "sent";
        }
    }
}
