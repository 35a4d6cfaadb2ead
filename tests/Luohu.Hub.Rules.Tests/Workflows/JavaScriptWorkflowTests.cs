using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Workflows;
using static Luohu.Hub.Rules.Tests.Workflows.Workflows;

namespace Luohu.Hub.Rules.Tests.Workflows;

/// <summary>Workflows whose expressions are JavaScript, run by RulesEngine with the expressions in the sandbox.</summary>
public sealed class JavaScriptWorkflowTests
{
    private readonly WorkflowEngine _engine = Engine();

    [Theory]
    [InlineData(5, true)]
    [InlineData(50, false)]
    public async Task LeafRule_ExpressionDecidesSuccess(int free, bool expected)
    {
        var result = await _engine.Run(Js(Leaf("Low", "lot.free < 10")), $"{{\"lot\":{{\"free\":{free}}}}}");

        Assert.Equal(expected, result.Results[0].IsSuccess);
        Assert.Equal(expected, result.IsSuccess);
    }

    [Fact]
    public async Task ModernSyntax_WorksInRuleExpressions()
    {
        var result = await _engine.Run(Js(Leaf("Any", "lot.readings.some(({ free }) => free < 10) && `${lot.id}`.startsWith('LH')")), "{\"lot\":{\"id\":\"LH-1\",\"readings\":[{\"free\":30},{\"free\":4}]}}");

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task SuccessfulRule_ReportsItsSuccessEvent()
    {
        var result = await _engine.Run(Js(Leaf("Low", "true") with { SuccessEvent = "parking.low" }));

        Assert.Equal("parking.low", result.Results[0].SuccessEvent);
        Assert.Equal(["parking.low"], result.SuccessEvents);
    }

    [Fact]
    public async Task FailedRule_ReportsItsErrorMessage_AndNoSuccessEvent()
    {
        var result = (await _engine.Run(Js(Leaf("Low", "false") with { SuccessEvent = "parking.low", ErrorMessage = "Still room." }))).Results[0];

        Assert.Equal(("Still room.", (string?)null, (string?)null), (result.ErrorMessage, result.SuccessEvent, result.ExceptionMessage));
    }

    [Fact]
    public async Task ExpressionThatThrows_IsAFailedRuleWithThePathLineAndError()
    {
        var result = (await _engine.Run(Js(Leaf("Broken", "lot.missing.free < 10")), "{\"lot\":{}}")).Results[0];

        Assert.False(result.IsSuccess);
        Assert.Contains("Rules[0].Expression: Script error at line 1, column 13: TypeError: Cannot read properties of undefined (reading 'free')", result.ExceptionMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpressionHittingALimit_IsAFailedRuleNamingTheLimit()
    {
        var result = (await _engine.Run(Js(Leaf("Loop", "(() => { while (true) {} })()")), options: new RuleEvaluationOptions { Limits = Tight })).Results[0];

        Assert.False(result.IsSuccess);
        Assert.Contains("MaxStatements (500)", result.ExceptionMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonBooleanExpression_IsAFailedRuleSayingSo()
    {
        var result = (await _engine.Run(Js(Leaf("Number", "lot.free")), "{\"lot\":{\"free\":3}}")).Results[0];

        Assert.False(result.IsSuccess);
        Assert.Contains("must evaluate to true or false, but gave 3", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inputs_AreVisibleByNameAndByPosition()
    {
        var result = await _engine.Run(Js(Leaf("Both", "lot.free === input1.free && limits.low === input2.low")), "{\"lot\":{\"free\":3},\"limits\":{\"low\":10}}");

        Assert.True(result.Results[0].IsSuccess);
    }

    [Fact]
    public async Task InputNamedMsg_IsTheScriptsMessage()
    {
        var result = await _engine.Run(Js(Leaf("Msg", "msg.free === 3 && input1.free === 3")), "{\"msg\":{\"free\":3}}");

        Assert.True(result.Results[0].IsSuccess);
    }

    [Fact]
    public async Task OneInputUnderTwoNames_IsOneObject_AsInRulesEngine()
    {
        var result = await _engine.Run(Js(Leaf("Same", "msg === input1")), "{\"msg\":{\"free\":3}}");
        var named = await _engine.Run(Js(Leaf("Same", "lot === input1 && lot !== input2")), "{\"lot\":{\"free\":3},\"limits\":{\"low\":1}}");

        Assert.True(result.Results[0].IsSuccess, result.Results[0].ErrorMessage);
        Assert.True(named.Results[0].IsSuccess, named.Results[0].ErrorMessage);
    }

    [Fact]
    public async Task GlobalParams_AreEvaluatedOnce_AndVisibleToEveryRule()
    {
        var logs = new List<ScriptLogEntry>();
        var workflow = Js(Leaf("A", "ratio < 0.1"), Leaf("B", "ratio > 0")) with
        {
            GlobalParams = [new ScopedParam { Name = "ratio", Expression = "(log('global'), lot.free / lot.total)" }],
        };

        var result = await _engine.Run(workflow, "{\"lot\":{\"free\":5,\"total\":100}}", new RuleEvaluationOptions { LogSink = logs.Add });

        Assert.True(result.IsSuccess);
        Assert.Single(logs, l => l.Message == "global");
        Assert.Equal(0.05, result.Results[0].Params!["ratio"]!.GetValue<double>());
    }

    [Fact]
    public async Task FailingGlobalParam_FailsEveryRuleWithTheReason()
    {
        var workflow = Js(Leaf("A", "true"), Leaf("B", "true")) with { GlobalParams = [new ScopedParam { Name = "g", Expression = "nothing.here" }] };

        var result = await _engine.Run(workflow);

        Assert.All(result.Results, r => Assert.Contains("GlobalParams[0].Expression: Script error at line 1, column 1: ReferenceError: nothing is not defined", r.ExceptionMessage, StringComparison.Ordinal));
        Assert.False(result.IsSuccess);
    }

    [Fact]
    public async Task LocalParams_AreVisibleToTheRuleAndItsChildren()
    {
        var parent = new Rule
        {
            RuleName = "Parent",
            Operator = "And",
            LocalParams = [new ScopedParam { Name = "limit", Expression = "10" }],
            Rules = [Leaf("Child", "lot.free < limit")],
        };

        var result = (await _engine.Run(Js(parent), "{\"lot\":{\"free\":5}}")).Results[0];

        Assert.True(result.ChildResults[0].IsSuccess);
        Assert.Equal(10, result.Params!["limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task LocalParams_OfOneRule_AreNotVisibleToItsSiblings()
    {
        var first = Leaf("First", "true") with { LocalParams = [new ScopedParam { Name = "secret", Expression = "1" }] };

        var result = await _engine.Run(Js(first, Leaf("Second", "typeof secret === 'undefined'")));

        Assert.True(result.Results[1].IsSuccess);
    }

    [Fact]
    public async Task FailingLocalParam_FailsTheRuleWithItsPath_WithoutAStackTrace()
    {
        var rule = Leaf("A", "true") with { LocalParams = [new ScopedParam { Name = "x", Expression = "1" }, new ScopedParam { Name = "y", Expression = "x.y.z" }] };

        var result = (await _engine.Run(Js(rule))).Results[0];

        Assert.False(result.IsSuccess);
        Assert.Equal(
            "Error while executing scoped params for rule `A` - Rules[0].LocalParams[1].Expression: Script error at line 1, column 5: TypeError: Cannot read properties of undefined (reading 'z')",
            result.ExceptionMessage);
    }

    [Fact]
    public async Task DisabledRule_IsSkippedAndReportedSo_AndDoesNotCount()
    {
        var result = await _engine.Run(Js(Leaf("On", "true"), Leaf("Off", "false") with { Enabled = false }));

        Assert.True(result.Results[1].IsSkipped);
        Assert.Contains("disabled", result.Results[1].SkipReason, StringComparison.Ordinal);
        Assert.True(result.IsSuccess);
    }

    [Theory]
    [InlineData("And", true, true, true)]
    [InlineData("And", true, false, false)]
    [InlineData("AndAlso", true, true, true)]
    [InlineData("AndAlso", false, true, false)]
    [InlineData("Or", false, true, true)]
    [InlineData("Or", false, false, false)]
    [InlineData("OrElse", true, false, true)]
    [InlineData("OrElse", false, false, false)]
    public async Task Operator_CombinesChildren_EvaluatingEveryChildAsRulesEngineDoes(string op, bool first, bool second, bool expected)
    {
        var parent = new Rule { RuleName = "Parent", Operator = op, Rules = [Leaf("A", first ? "true" : "false"), Leaf("B", second ? "true" : "false")] };

        var result = (await _engine.Run(Js(parent))).Results[0];

        Assert.Equal(expected, result.IsSuccess);
        Assert.All(result.ChildResults, child => Assert.False(child.IsSkipped));
    }

    [Fact]
    public async Task OutputExpression_OnSuccess_ReturnsTheValue()
    {
        var rule = Leaf("Low", "lot.free < 10") with { Actions = new RuleActions { OnSuccess = Output("({ status: 'low', free: lot.free })") } };

        var action = (await _engine.Run(Js(rule), "{\"lot\":{\"free\":3}}")).Results[0].ActionResult!;

        Assert.Equal(("OutputExpression", "{\"status\":\"low\",\"free\":3}", (string?)null), (action.ActionName, action.Output!.ToJsonString(), action.Exception));
    }

    [Fact]
    public async Task OnFailure_RunsWhenTheRuleFails_AndOnSuccessDoesNot()
    {
        var rule = Leaf("Low", "false") with { Actions = new RuleActions { OnSuccess = Output("'yes'"), OnFailure = Output("'no'") } };

        Assert.Equal("no", (await _engine.Run(Js(rule))).Results[0].ActionResult!.Output!.GetValue<string>());
    }

    [Fact]
    public async Task OutputExpression_SeesTheParamsItsRuleSaw()
    {
        var rule = Leaf("Pct", "true") with
        {
            LocalParams = [new ScopedParam { Name = "pct", Expression = "42" }],
            Actions = new RuleActions { OnSuccess = Output("pct + 1") },
        };
        var sibling = Leaf("Other", "true") with { LocalParams = [new ScopedParam { Name = "pct", Expression = "1000" }] };

        Assert.Equal(43, (await _engine.Run(Js(rule, sibling))).Results[0].ActionResult!.Output!.GetValue<int>());
    }

    [Fact]
    public async Task ActionThatFails_IsReportedOnTheRule_WithoutChangingItsOutcome()
    {
        var rule = Leaf("A", "true") with { Actions = new RuleActions { OnSuccess = Output("nothing.here") } };

        var result = (await _engine.Run(Js(rule))).Results[0];

        Assert.True(result.IsSuccess);
        Assert.Contains("ReferenceError: nothing is not defined", result.ActionResult!.Exception, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateRule_ChainsIntoAnotherRuleOfTheWorkflow()
    {
        var first = Leaf("First", "true") with { Actions = new RuleActions { OnSuccess = Chain("Second") } };
        var second = Leaf("Second", "input1.level > 3") with { Actions = new RuleActions { OnSuccess = Output("'chained'") } };

        var result = (await _engine.Run(Js(first, second), "{\"station\":{\"level\":4}}")).Results[0];

        Assert.Equal("chained", result.ActionResult!.Output!.GetValue<string>());
    }

    [Fact]
    public async Task EvaluateRule_InALoop_IsRefusedBeforeAnythingRuns()
    {
        var a = Leaf("A", "true") with { Actions = new RuleActions { OnSuccess = Chain("B") } };
        var b = Leaf("B", "true") with { Actions = new RuleActions { OnSuccess = Chain("A") } };

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => _engine.Run(Js(a, b)));

        Assert.Contains("chain in a loop (A → B → A)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_IsTheCallersCtx()
    {
        var state = new InMemoryScriptState();
        var workflow = Js(Leaf("Count", "(ctx.set('n', (ctx.get('n') ?? 0) + 1), ctx.get('n') > 1)"));

        var first = await _engine.Run(workflow, options: new RuleEvaluationOptions { State = state });
        var second = await _engine.Run(workflow, options: new RuleEvaluationOptions { State = state });

        Assert.Equal((false, true, 2), (first.IsSuccess, second.IsSuccess, state.GetValue("n")!.GetValue<int>()));
    }

    [Fact]
    public async Task Cancellation_IsHonoured()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _engine.EvaluateAsync(Js(Leaf("A", "true")), Inputs("{}"), null, cancel.Token));
    }
}
