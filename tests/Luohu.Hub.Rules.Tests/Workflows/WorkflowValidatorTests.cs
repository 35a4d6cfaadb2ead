using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Workflows;
using static Luohu.Hub.Rules.Tests.Workflows.Workflows;

namespace Luohu.Hub.Rules.Tests.Workflows;

public sealed class WorkflowValidatorTests
{
    private readonly WorkflowValidator _validator = Validator();

    private static Rule Parent(string name, string? op, params Rule[] children) => new() { RuleName = name, Operator = op, Rules = children };

    private WorkflowProblem Single(Workflow workflow) => Assert.Single(_validator.Validate(workflow));

    [Fact]
    public void ValidWorkflows_OfBothDialects_HaveNoProblems()
    {
        Assert.Empty(_validator.Validate(Js(Leaf("A", "lot.free < 10") with { Actions = new RuleActions { OnSuccess = Output("({ x: `${lot.id}` })") } })));
        Assert.Empty(_validator.Validate(Of(Leaf("A", "input1.free < 10 && input1.id.StartsWith(\"LH\")") with { Actions = new RuleActions { OnSuccess = Output("input1.free * 2") } })));
    }

    [Fact]
    public void MissingWorkflowName_IsReported()
    {
        Assert.Equal("WorkflowName", Single(Js(Leaf("A", "true")) with { WorkflowName = " " }).Path);
    }

    [Fact]
    public void NoRules_IsReported()
    {
        Assert.Equal("Rules", Single(new Workflow { WorkflowName = "W" }).Path);
    }

    [Fact]
    public void RuleWithoutName_IsReportedAtItsPath()
    {
        Assert.Equal("Rules[1].RuleName", Single(Js(Leaf("A", "true"), Leaf("", "true"))).Path);
    }

    [Fact]
    public void DuplicateRuleNames_AcrossLevels_AreReportedAtTheSecond()
    {
        var problem = Single(Js(Leaf("A", "true"), Parent("P", "And", Leaf("A", "true"))));

        Assert.Equal("Rules[1].Rules[0].RuleName", problem.Path);
        Assert.Contains("already used at Rules[0]", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyExpressionOfANestedLeaf_IsReportedAtItsPath()
    {
        Assert.Equal("Rules[2].Rules[0].Expression", Single(Js(Leaf("A", "true"), Leaf("B", "true"), Parent("P", "Or", Leaf("C", " "), Leaf("D", "true")))).Path);
    }

    [Theory]
    [InlineData("Xor", "'Xor' is unknown")]
    [InlineData("andalso", "must be spelled 'AndAlso'")]
    public void UnknownOrMisspelledOperator_IsReported(string op, string message)
    {
        var problem = Single(Js(Parent("P", op, Leaf("A", "true"))));

        Assert.Equal("Rules[0].Operator", problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestedRulesWithoutOperator_AreReported()
    {
        Assert.Equal("Rules[0].Operator", Single(Js(Parent("P", null, Leaf("A", "true")))).Path);
    }

    [Fact]
    public void JavaScriptSyntaxError_IsReportedWithLineAndColumn()
    {
        var problem = Single(Js(Leaf("A", "true"), Parent("P", "And", Leaf("B", "msg.list.some(x => x >)"))));

        Assert.Equal(("Rules[1].Rules[0].Expression", 1, 23), (problem.Path, problem.Line, problem.Column));
        Assert.Contains("line 1, column 23", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LambdaSyntaxError_IsReportedWithLineAndColumn_AndAJavaScriptLookalikeSaysSo()
    {
        var problem = Single(Of(Leaf("A", "`${lot.id}` === 'LH-1'")));

        Assert.Equal(("Rules[0].Expression", 1), (problem.Path, problem.Line));
        Assert.Contains("this looks like JavaScript", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LambdaTypeErrors_AreFound_WhenSampleInputsAreGiven()
    {
        var problem = Assert.Single(_validator.Validate(Of(Leaf("A", "lot.fre < 10")), Inputs("{\"lot\":{\"free\":3}}")));

        Assert.Equal("Rules[0].Expression", problem.Path);
        Assert.Contains("System.Object", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownRuleExpressionType_IsReported()
    {
        var problem = Single(Of(Leaf("A", "true") with { RuleExpressionType = "Python" }));

        Assert.Equal("Rules[0].RuleExpressionType", problem.Path);
        Assert.Contains("LambdaExpression or JavaScript", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadLocalParamName_IsReportedAtItsPath()
    {
        Assert.Equal("Rules[1].LocalParams[0].Name", Single(Js(Leaf("A", "true"), Leaf("B", "true") with { LocalParams = [new ScopedParam { Name = "free ratio", Expression = "1" }] })).Path);
    }

    [Fact]
    public void ReservedJavaScriptParamName_IsReported()
    {
        Assert.Equal("GlobalParams[0].Name", Single(Js(Leaf("A", "true")) with { GlobalParams = [new ScopedParam { Name = "msg", Expression = "1" }] }).Path);
    }

    [Fact]
    public void GlobalParamSyntaxError_IsReportedAtItsPath()
    {
        Assert.Equal("GlobalParams[0].Expression", Single(Js(Leaf("A", "true")) with { GlobalParams = [new ScopedParam { Name = "x", Expression = "1 +" }] }).Path);
    }

    [Fact]
    public void UnknownActionName_IsReportedAtItsPath()
    {
        Assert.Equal("Rules[0].Actions.OnFailure.Name", Single(Js(Leaf("A", "true") with { Actions = new RuleActions { OnFailure = new ActionInfo { Name = "Teleport" } } })).Path);
    }

    [Fact]
    public void OutputExpressionSyntaxError_IsReportedAtItsContextPath()
    {
        Assert.Equal("Rules[0].Actions.OnSuccess.Context.Expression", Single(Js(Leaf("A", "true") with { Actions = new RuleActions { OnSuccess = Output("({ a: }") } })).Path);
    }

    [Fact]
    public void EvaluateRuleTargetMissing_IsReported()
    {
        Assert.Equal("Rules[0].Actions.OnSuccess.Context.RuleName", Single(Js(Leaf("A", "true") with { Actions = new RuleActions { OnSuccess = Chain("Nope") } })).Path);
    }

    [Fact]
    public void EvaluateRuleIntoAnotherWorkflow_IsReported()
    {
        var workflow = Js(Leaf("A", "true") with { Actions = new RuleActions { OnSuccess = Chain("B", "Elsewhere") } }, Leaf("B", "true"));

        Assert.Equal("Rules[0].Actions.OnSuccess.Context.WorkflowName", Single(workflow).Path);
    }

    [Fact]
    public void EvaluateRuleLoop_IsReported()
    {
        var workflow = Js(Leaf("A", "true") with { Actions = new RuleActions { OnSuccess = Chain("B") } }, Leaf("B", "true") with { Actions = new RuleActions { OnFailure = Chain("A") } });

        Assert.Contains("chain in a loop (A → B → A)", Single(workflow).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkflowsToInject_IsReportedAsUnsupported()
    {
        Assert.Equal("WorkflowsToInject", Single(Js(Leaf("A", "true")) with { WorkflowsToInject = ["Other"] }).Path);
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce_InDocumentOrder()
    {
        var workflow = new Workflow
        {
            RuleExpressionType = "JavaScript",
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

    [Fact]
    public void ContextKeys_AreReadCaseInsensitively()
    {
        var action = new ActionInfo { Name = "OutputExpression", Context = new JsonObject { ["expression"] = "1 +" } };

        Assert.Equal("Rules[0].Actions.OnSuccess.Context.Expression", Single(Js(Leaf("A", "true") with { Actions = new RuleActions { OnSuccess = action } })).Path);
    }
}
