using Luohu.Hub.Rules.Workflows;
using static Luohu.Hub.Rules.Tests.Workflows.Workflows;

namespace Luohu.Hub.Rules.Tests.Workflows;

public sealed class NestedRuleTests
{
    private readonly RulesEngine _engine = Engine();

    private static Rule Parent(string op, params Rule[] children) => new() { RuleName = "Parent", Operator = op, Rules = children };

    [Theory]
    [InlineData("And", true, true, true)]
    [InlineData("And", true, false, false)]
    [InlineData("AndAlso", true, true, true)]
    [InlineData("AndAlso", false, true, false)]
    [InlineData("Or", false, true, true)]
    [InlineData("Or", false, false, false)]
    [InlineData("OrElse", true, false, true)]
    [InlineData("orelse", false, false, false)]
    public async Task Operator_CombinesChildren(string op, bool first, bool second, bool expected)
    {
        var result = (await _engine.Run(Of(Parent(op, Leaf("A", first ? "true" : "false"), Leaf("B", second ? "true" : "false"))))).Results[0];

        Assert.Equal(expected, result.IsSuccess);
    }

    [Fact]
    public async Task And_EvaluatesEveryChild_EvenAfterAFailure()
    {
        var result = (await _engine.Run(Of(Parent("And", Leaf("A", "false"), Leaf("B", "true"))))).Results[0];

        Assert.All(result.ChildResults, r => Assert.False(r.IsSkipped));
        Assert.True(result.ChildResults[1].IsSuccess);
    }

    [Fact]
    public async Task AndAlso_StopsAtTheFirstFailure_ReportingTheRestAsSkipped()
    {
        var result = (await _engine.Run(Of(Parent("AndAlso", Leaf("A", "false"), Leaf("B", "true"))))).Results[0];

        Assert.True(result.ChildResults[1].IsSkipped);
        Assert.Contains("AndAlso stopped after 'A' failed", result.ChildResults[1].SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrElse_StopsAtTheFirstSuccess()
    {
        var result = (await _engine.Run(Of(Parent("OrElse", Leaf("A", "true"), Leaf("B", "false"))))).Results[0];

        Assert.True(result.IsSuccess);
        Assert.True(result.ChildResults[1].IsSkipped);
    }

    [Fact]
    public async Task Or_EvaluatesEveryChild()
    {
        var result = (await _engine.Run(Of(Parent("Or", Leaf("A", "true"), Leaf("B", "false"))))).Results[0];

        Assert.False(result.ChildResults[1].IsSkipped);
    }

    [Fact]
    public async Task FailedParent_NamesTheFailedChildren()
    {
        var result = (await _engine.Run(Of(Parent("And", Leaf("A", "false"), Leaf("B", "true"), Leaf("C", "false"))))).Results[0];

        Assert.Equal("And of nested rules failed: A, C.", result.ErrorMessage);
    }

    [Fact]
    public async Task ThreeLevels_BuildAResultTree()
    {
        var tree = Parent("Or", Leaf("A", "false"), new Rule { RuleName = "Inner", Operator = "And", Rules = [Leaf("B", "true"), Leaf("C", "true")] });

        var result = (await _engine.Run(Of(tree))).Results[0];

        Assert.True(result.IsSuccess);
        Assert.Equal(["B", "C"], result.ChildResults[1].ChildResults.Select(r => r.RuleName));
    }

    [Fact]
    public async Task UnknownOperator_IsAFailedRuleListingTheAcceptedOnes()
    {
        var result = (await _engine.Run(Of(Parent("Xor", Leaf("A", "true"))))).Results[0];

        Assert.Contains("Operator 'Xor' is unknown; use And, AndAlso, Or or OrElse", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NestedRulesWithoutOperator_IsAFailedRule()
    {
        var result = (await _engine.Run(Of(new Rule { RuleName = "P", Rules = [Leaf("A", "true")] }))).Results[0];

        Assert.Contains("no Operator", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisabledChild_IsSkipped_AndTheOthersDecide()
    {
        var result = (await _engine.Run(Of(Parent("And", Leaf("A", "true"), Leaf("B", "false") with { Enabled = false })))).Results[0];

        Assert.True(result.IsSuccess);
        Assert.True(result.ChildResults[1].IsSkipped);
    }

    [Fact]
    public async Task EveryChildDisabled_IsAFailedRuleSayingSo()
    {
        var result = (await _engine.Run(Of(Parent("Or", Leaf("A", "true") with { Enabled = false })))).Results[0];

        Assert.Contains("Every nested rule is disabled", result.ErrorMessage, StringComparison.Ordinal);
    }
}
