using System.Text.Json;
using Luohu.Hub.Rules.Workflows;

namespace Luohu.Hub.Rules.Tests.Workflows;

public sealed class WorkflowJsonTests
{
    [Fact]
    public void Parse_ReadsRulesEngineJson_CaseInsensitively_WithCommentsAndExtraProperties()
    {
        var workflow = WorkflowJson.Parse("""
            {
              // a comment
              "workflowName": "W",
              "WorkflowsToInject": null,
              "RuleExpressionType": "JavaScript",
              "GLOBALPARAMS": [ { "name": "g", "expression": "1" } ],
              "Rules": [
                {
                  "RuleName": "P", "Operator": "AndAlso", "Enabled": true, "SuccessEvent": "ok", "ErrorMessage": "no",
                  "RuleExpressionType": "LambdaExpression",
                  "LocalParams": [ { "Name": "l", "Expression": "2" } ],
                  "Rules": [ { "RuleName": "C", "Expression": "l > g", "Enabled": false } ],
                  "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "1" } }, "OnFailure": null }
                },
              ]
            }
            """);

        var parent = workflow.Rules![0];
        Assert.Equal(("W", "JavaScript"), (workflow.WorkflowName, workflow.RuleExpressionType));
        Assert.Equal("g", workflow.GlobalParams![0].Name);
        Assert.Equal(("AndAlso", "ok", "no", "LambdaExpression"), (parent.Operator, parent.SuccessEvent, parent.ErrorMessage, parent.RuleExpressionType));
        Assert.False(parent.Rules![0].Enabled);
        Assert.Equal("1", parent.Actions!.OnSuccess!.Context!["Expression"]!.GetValue<string>());
    }

    [Fact]
    public void Enabled_DefaultsToTrue()
    {
        Assert.True(WorkflowJson.Parse("{ \"Rules\": [ { \"RuleName\": \"A\" } ] }").Rules![0].Enabled);
    }

    [Fact]
    public void Parse_MalformedJson_ThrowsWithLine()
    {
        var error = Assert.Throws<JsonException>(() => WorkflowJson.Parse("{\n \"Rules\": [ {,] }"));

        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void Results_SerializeInCamelCase_WithoutNulls()
    {
        var json = JsonSerializer.Serialize(new RuleResult { RuleName = "A", IsSuccess = true }, WorkflowJson.WriteOptions);

        Assert.Equal("{\"ruleName\":\"A\",\"isSuccess\":true,\"isSkipped\":false,\"childResults\":[]}", json);
    }
}
