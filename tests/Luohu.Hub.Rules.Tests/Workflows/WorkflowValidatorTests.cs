using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Tests.TestSupport;
using Luohu.Hub.Rules.Workflows;
using static Luohu.Hub.Rules.Tests.Workflows.Workflows;

namespace Luohu.Hub.Rules.Tests.Workflows;

public sealed class WorkflowValidatorTests
{
    private readonly WorkflowValidator _validator;

    public WorkflowValidatorTests()
    {
        var sandbox = Sandboxes.Create();
        _validator = new WorkflowValidator(sandbox, new RulesEngine(sandbox));
    }

    private static Rule Parent(string name, string? op, params Rule[] children) => new() { RuleName = name, Operator = op, Rules = children };

    private WorkflowProblem Single(Workflow workflow) => Assert.Single(_validator.Validate(workflow));

    [Fact]
    public void ValidWorkflow_HasNoProblems()
    {
        var workflow = Of(Leaf("A", "lot.free < 10") with { Actions = new RuleActions { OnSuccess = new ActionInfo { Name = "OutputExpression", Context = new JsonObject { ["Expression"] = "'x'" } } } });

        Assert.Empty(_validator.Validate(workflow));
    }

    [Fact]
    public void MissingWorkflowName_IsReported()
    {
        Assert.Equal("WorkflowName", Single(Of(Leaf("A", "true")) with { WorkflowName = " " }).Path);
    }

    [Fact]
    public void NoRules_IsReported()
    {
        Assert.Equal("Rules", Single(new Workflow { WorkflowName = "W" }).Path);
    }

    [Fact]
    public void RuleWithoutName_IsReportedAtItsPath()
    {
        Assert.Equal("Rules[1].RuleName", Single(Of(Leaf("A", "true"), Leaf("", "true"))).Path);
    }

    [Fact]
    public void DuplicateRuleNames_AcrossLevels_AreReportedAtTheSecond()
    {
        var problem = Single(Of(Leaf("A", "true"), Parent("P", "And", Leaf("A", "true"))));

        Assert.Equal("Rules[1].Rules[0].RuleName", problem.Path);
        Assert.Contains("already used at Rules[0]", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyExpressionOfANestedLeaf_IsReportedAtItsPath()
    {
        var workflow = Of(Leaf("A", "true"), Leaf("B", "true"), Parent("P", "Or", Leaf("C", " "), Leaf("D", "true")));

        Assert.Equal("Rules[2].Rules[0].Expression", Single(workflow).Path);
    }

    [Fact]
    public void UnknownOperator_IsReported()
    {
        var problem = Single(Of(Parent("P", "Xor", Leaf("A", "true"))));

        Assert.Equal(("Rules[0].Operator", true), (problem.Path, problem.Message.Contains("'Xor' is unknown", StringComparison.Ordinal)));
    }

    [Fact]
    public void NestedRulesWithoutOperator_AreReported()
    {
        Assert.Equal("Rules[0].Operator", Single(Of(Parent("P", null, Leaf("A", "true")))).Path);
    }

    [Fact]
    public void SyntaxError_IsReportedWithLineColumnAndHint()
    {
        var problem = Single(Of(Leaf("A", "true"), Parent("P", "And", Leaf("B", "msg.list.some(x => x > 1)"))));

        Assert.Equal("Rules[1].Rules[0].Expression", problem.Path);
        Assert.Contains("line 1, column 18", problem.Message, StringComparison.Ordinal);
        Assert.Contains("arrow functions", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadLocalParamName_IsReportedAtItsPath()
    {
        var workflow = Of(Leaf("A", "true"), Leaf("B", "true") with { LocalParams = [new ScopedParam { Name = "free ratio", Expression = "1" }] });

        Assert.Equal("Rules[1].LocalParams[0].Name", Single(workflow).Path);
    }

    [Fact]
    public void GlobalParamSyntaxError_IsReportedAtItsPath()
    {
        var workflow = Of(Leaf("A", "true")) with { GlobalParams = [new ScopedParam { Name = "x", Expression = "`t`" }] };

        Assert.Equal("GlobalParams[0].Expression", Single(workflow).Path);
    }

    [Fact]
    public void UnknownActionName_IsReportedAtItsPath()
    {
        var workflow = Of(Leaf("A", "true") with { Actions = new RuleActions { OnFailure = new ActionInfo { Name = "Teleport" } } });

        Assert.Equal("Rules[0].Actions.OnFailure.Name", Single(workflow).Path);
    }

    [Fact]
    public void OutputExpressionSyntaxError_IsReportedAtItsContextPath()
    {
        var workflow = Of(Leaf("A", "true") with { Actions = new RuleActions { OnSuccess = new ActionInfo { Name = "OutputExpression", Context = new JsonObject { ["Expression"] = "({ a: }" } } } });

        Assert.Equal("Rules[0].Actions.OnSuccess.Context.Expression", Single(workflow).Path);
    }

    [Fact]
    public void EvaluateRuleTargetMissing_IsReported()
    {
        var workflow = Of(Leaf("A", "true") with { Actions = new RuleActions { OnSuccess = new ActionInfo { Name = "EvaluateRule", Context = new JsonObject { ["ruleName"] = "Nope" } } } });

        Assert.Equal("Rules[0].Actions.OnSuccess.Context.RuleName", Single(workflow).Path);
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce_InDocumentOrder()
    {
        var workflow = new Workflow
        {
            Rules =
            [
                Leaf("A", "x =>"),
                Leaf("A", ""),
                Parent("P", "Nand", Leaf("", "true"), Parent("Q", null, Leaf("R", "true"))),
            ],
        };

        var paths = _validator.Validate(workflow).Select(p => p.Path);

        Assert.Equal(
            ["WorkflowName", "Rules[0].Expression", "Rules[1].RuleName", "Rules[1].Expression", "Rules[2].Operator", "Rules[2].Rules[0].RuleName", "Rules[2].Rules[1].Operator"],
            paths);
    }
}
