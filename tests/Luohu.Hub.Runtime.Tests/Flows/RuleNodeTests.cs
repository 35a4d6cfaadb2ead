using Luohu.Hub.Runtime.Flows;

namespace Luohu.Hub.Runtime.Tests.Flows;

public sealed class RuleNodeTests : IAsyncDisposable
{
    private readonly FlowTestHost _host = new();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static string RuleFlow(string id, string dialect) => TestFlows.Flow(id, $$"""
        { "id": "n", "type": "rule", "config": { "workflow": {
            "WorkflowName": "nearly-full", "RuleExpressionType": "{{dialect}}",
            "Rules": [ { "RuleName": "few-free", "Expression": "msg.payload.free < 20", "SuccessEvent": "nearly full" } ] } } },
        { "id": "yes", "type": "publish", "config": { "topic": "out/rule/success" } },
        { "id": "no", "type": "publish", "config": { "topic": "out/rule/failure" } }
        """, """{ "from": "in", "to": "n" }, { "from": "n", "port": "success", "to": "yes" }, { "from": "n", "port": "failure", "to": "no" }""");

    [Theory]
    [InlineData("LambdaExpression")]
    [InlineData("JavaScript")]
    public async Task Rule_RoutesBySuccessOrFailure_InEitherDialect(string dialect)
    {
        await _host.DeployAsync(RuleFlow("r1", dialect));
        var output = _host.Watch("out/rule/+");
        var trees = _host.Watch("$hub/debug/#");

        await _host.PublishAsync("test/r1/in", """{ "free": 5 }""");
        await _host.PublishAsync("test/r1/in", """{ "free": 50 }""");

        await Poll.UntilAsync(() => output.Count == 2, "both messages leave the rule");
        Assert.Equal(["out/rule/success", "out/rule/failure"], output.Select(m => m.Topic));
        Assert.Empty(trees);
        var node = _host.Engine.Find("r1")!.Current.Nodes.Single(n => n.Node.Id == "n");
        Assert.Equal("rule", node.Node.Type);
    }

    [Fact]
    public async Task Rule_ResultTreeIsOnTheMessage()
    {
        await _host.DeployAsync(TestFlows.Flow("r2", """
            { "id": "n", "type": "rule", "config": { "workflow": { "WorkflowName": "w", "Rules": [ { "RuleName": "few", "Expression": "msg.payload.free < 20" } ] } } },
            { "id": "shape", "type": "change", "config": { "rules": [ { "op": "move", "path": "rule", "to": "payload" } ] } },
            { "id": "out", "type": "publish", "config": { "topic": "out/r2" } }
            """, """{ "from": "in", "to": "n" }, { "from": "n", "port": "success", "to": "shape" }, { "from": "shape", "to": "out" }"""));
        var output = _host.Watch("out/r2");

        await _host.PublishAsync("test/r2/in", """{ "free": 1 }""");

        await Poll.UntilAsync(() => !output.IsEmpty, "the result tree is published");
        var tree = FlowTestHost.Payload(output.Single());
        Assert.True(tree["isSuccess"]!.GetValue<bool>());
        Assert.Equal("few", tree["results"]![0]!["ruleName"]!.GetValue<string>());
    }

    [Fact]
    public void Validate_BrokenWorkflow_ReportsItsPathsUnderTheNode()
    {
        var flow = FlowJson.Deserialize(TestFlows.Flow("r3", """
            { "id": "n", "type": "rule", "config": { "workflow": { "WorkflowName": "w", "Rules": [ { "RuleName": "a", "Expression": "msg.payload.free <" } ] } } }
            """, """{ "from": "in", "to": "n" }"""));

        var problems = _host.Flows.Validate(flow);

        Assert.Contains(problems, p => p.NodeId == "n" && p.Path.StartsWith("nodes[n].config.workflow.Rules[0]", StringComparison.Ordinal));
    }
}
