using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Workflows;
using static Luohu.Hub.Rules.Tests.Workflows.Workflows;

namespace Luohu.Hub.Rules.Tests.Workflows;

public sealed class RulesEngineTests
{
    private readonly RulesEngine _engine = Engine();

    [Theory]
    [InlineData(5, true)]
    [InlineData(50, false)]
    public async Task LeafRule_ExpressionDecidesSuccess(int free, bool expected)
    {
        var result = await _engine.Run(Of(Leaf("Low", "lot.free < 10")), $"{{\"lot\":{{\"free\":{free}}}}}");

        Assert.Equal(expected, result.Results[0].IsSuccess);
        Assert.Equal(expected, result.IsSuccess);
    }

    [Fact]
    public async Task SuccessfulRule_ReportsItsSuccessEvent()
    {
        var rule = Leaf("Low", "true") with { SuccessEvent = "parking.low" };

        var result = await _engine.Run(Of(rule));

        Assert.Equal("parking.low", result.Results[0].SuccessEvent);
        Assert.Equal(["parking.low"], result.SuccessEvents);
    }

    [Fact]
    public async Task FailedRule_ReportsItsErrorMessage_AndNoSuccessEvent()
    {
        var rule = Leaf("Low", "false") with { SuccessEvent = "parking.low", ErrorMessage = "Still room." };

        var result = (await _engine.Run(Of(rule))).Results[0];

        Assert.Equal(("Still room.", (string?)null, (string?)null), (result.ErrorMessage, result.SuccessEvent, result.ExceptionMessage));
    }

    [Fact]
    public async Task ExpressionThatThrows_IsAFailedRuleWithTheExceptionText()
    {
        var result = (await _engine.Run(Of(Leaf("Broken", "lot.missing.free < 10")), "{\"lot\":{}}")).Results[0];

        Assert.False(result.IsSuccess);
        Assert.StartsWith("Script error at line 1", result.ExceptionMessage, StringComparison.Ordinal);
        Assert.Equal(result.ExceptionMessage, result.ErrorMessage);
    }

    [Fact]
    public async Task ExpressionWithSyntaxError_IsAFailedRuleWithTheHint()
    {
        var result = (await _engine.Run(Of(Leaf("Arrow", "[1].some(x => x > 0)")))).Results[0];

        Assert.False(result.IsSuccess);
        Assert.Contains("arrow functions", result.ExceptionMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpressionHittingALimit_IsAFailedRuleNamingTheLimit()
    {
        var options = new RuleEvaluationOptions { Limits = Tight };

        var result = (await _engine.Run(Of(Leaf("Loop", "(function () { while (true) {} })()")), options: options)).Results[0];

        Assert.False(result.IsSuccess);
        Assert.Contains("MaxStatements (500)", result.ExceptionMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonBooleanExpression_IsAFailedRuleSayingSo()
    {
        var result = (await _engine.Run(Of(Leaf("Number", "lot.free")), "{\"lot\":{\"free\":3}}")).Results[0];

        Assert.False(result.IsSuccess);
        Assert.Contains("must evaluate to true or false, but gave 3", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inputs_AreVisibleByNameAndByPosition()
    {
        var result = await _engine.Run(Of(Leaf("Both", "lot.free === input1.free && limits.low === input2.low")), "{\"lot\":{\"free\":3},\"limits\":{\"low\":10}}");

        Assert.True(result.Results[0].IsSuccess);
    }

    [Fact]
    public async Task InputNamedMsg_IsTheScriptsMessage()
    {
        var result = await _engine.Run(Of(Leaf("Msg", "msg.free === 3 && input1.free === 3")), "{\"msg\":{\"free\":3}}");

        Assert.True(result.Results[0].IsSuccess);
    }

    [Fact]
    public async Task InputWithAReservedName_IsRejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _engine.Run(Of(Leaf("A", "true")), "{\"log\":1}"));
    }

    [Fact]
    public async Task GlobalParams_AreEvaluatedOnce_AndVisibleToEveryRule()
    {
        var logs = new List<ScriptLogEntry>();
        var workflow = Of(Leaf("A", "ratio < 0.1"), Leaf("B", "ratio > 0")) with
        {
            GlobalParams = [new ScopedParam { Name = "ratio", Expression = "(log('global'), lot.free / lot.total)" }],
        };

        var result = await _engine.Run(workflow, "{\"lot\":{\"free\":5,\"total\":100}}", new RuleEvaluationOptions { LogSink = logs.Add });

        Assert.True(result.IsSuccess);
        Assert.Single(logs, l => l.Message == "global");
        Assert.Equal(0.05, result.Results[0].Params!["ratio"]!.GetValue<double>());
    }

    [Fact]
    public async Task FailingGlobalParam_FailsEveryRuleWithItsPath()
    {
        var workflow = Of(Leaf("A", "true"), Leaf("B", "true")) with { GlobalParams = [new ScopedParam { Name = "bad", Expression = "nothing.here" }] };

        var result = await _engine.Run(workflow);

        Assert.All(result.Results, r => Assert.Contains("GlobalParams[0] 'bad' could not be evaluated", r.ErrorMessage, StringComparison.Ordinal));
        Assert.False(result.IsSuccess);
    }

    [Fact]
    public async Task LocalParams_AreEvaluatedInOrder_EachSeeingTheOnesBefore()
    {
        var rule = Leaf("Ratio", "pct < 10") with
        {
            LocalParams = [new ScopedParam { Name = "ratio", Expression = "lot.free / lot.total" }, new ScopedParam { Name = "pct", Expression = "ratio * 100" }],
        };

        var result = (await _engine.Run(Of(rule), "{\"lot\":{\"free\":5,\"total\":100}}")).Results[0];

        Assert.True(result.IsSuccess);
        Assert.Equal(5, result.Params!["pct"]!.GetValue<double>());
    }

    [Fact]
    public async Task LocalParams_OfAParent_AreVisibleToItsNestedRules()
    {
        var parent = new Rule
        {
            RuleName = "Parent",
            Operator = "And",
            LocalParams = [new ScopedParam { Name = "limit", Expression = "10" }],
            Rules = [Leaf("Child", "lot.free < limit")],
        };

        var result = (await _engine.Run(Of(parent), "{\"lot\":{\"free\":5}}")).Results[0];

        Assert.True(result.ChildResults[0].IsSuccess);
    }

    [Fact]
    public async Task LocalParams_OfOneRule_AreNotVisibleToItsSiblings()
    {
        var first = Leaf("First", "true") with { LocalParams = [new ScopedParam { Name = "secret", Expression = "1" }] };

        var result = await _engine.Run(Of(first, Leaf("Second", "typeof secret === 'undefined'")));

        Assert.True(result.Results[1].IsSuccess);
    }

    [Fact]
    public async Task FailingLocalParam_FailsTheRuleWithItsPath()
    {
        var rule = Leaf("A", "true") with { LocalParams = [new ScopedParam { Name = "x", Expression = "1" }, new ScopedParam { Name = "y", Expression = "x.y.z" }] };

        var result = (await _engine.Run(Of(rule))).Results[0];

        Assert.False(result.IsSuccess);
        Assert.Contains("LocalParams[1] 'y' could not be evaluated", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisabledRule_IsSkippedAndReportedSo_AndDoesNotCount()
    {
        var result = await _engine.Run(Of(Leaf("On", "true"), Leaf("Off", "false") with { Enabled = false }));

        Assert.True(result.Results[1].IsSkipped);
        Assert.Contains("disabled", result.Results[1].SkipReason, StringComparison.Ordinal);
        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task EmptyLeaf_IsAFailedRuleSayingWhatIsMissing()
    {
        var result = (await _engine.Run(Of(new Rule { RuleName = "Empty" }))).Results[0];

        Assert.Contains("neither an Expression nor nested Rules", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_IsHonouredBetweenRules()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _engine.EvaluateAsync(Of(Leaf("A", "true")), Inputs("{}"), null, cancel.Token));
    }
}
