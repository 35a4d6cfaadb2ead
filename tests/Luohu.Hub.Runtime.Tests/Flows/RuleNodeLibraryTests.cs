using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows;
using Luohu.Hub.Runtime.RuleLibrary;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Tests.Flows;

/// <summary>A flow's rule node on a library workflow: following the latest version live, pinned to one, and checked at deploy.</summary>
public sealed class RuleNodeLibraryTests : IAsyncDisposable
{
    private readonly FlowTestHost _host = new();

    private IRuleLibrary Library => _host.Provider.GetRequiredService<IRuleLibrary>();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>in → rule (config) → publish the result tree on test/{id}/out (both ports).</summary>
    private static string LibraryFlow(string id, string config) => TestFlows.Flow(id, $$"""
        { "id": "n", "type": "rule", "config": {{config}} },
        { "id": "tree", "type": "change", "config": { "rules": [ { "op": "move", "path": "rule", "to": "payload.tree" } ] } },
        { "id": "out", "type": "publish", "config": { "topic": "test/{{id}}/out" } }
        """, """{ "from": "in", "to": "n" }, { "from": "n", "port": "success", "to": "tree" }, { "from": "n", "port": "failure", "to": "tree" }, { "from": "tree", "to": "out" }""");

    private async Task PublishVersionAsync(string name, string expression, string dialect = "JavaScript")
    {
        var workflow = JsonNode.Parse($$"""
            { "WorkflowName": "{{name}}", "RuleExpressionType": "{{dialect}}",
              "Rules": [ { "RuleName": "few-free", "Expression": "{{expression}}", "SuccessEvent": "{{expression}}" } ] }
            """)!;
        var saved = await Library.SaveDraftAsync("traffic", name, workflow, null, null, create: Library.PublishedVersions("traffic", name) is null, "li.na", CancellationToken.None);
        Assert.Empty(saved.Problems);
        await Library.PublishAsync("traffic", name, "li.na", null, CancellationToken.None);
    }

    [Fact]
    public async Task Following_ANewVersionTakesEffectWithoutADeploy_AndTheTreeNamesTheVersion()
    {
        await PublishVersionAsync("Nearly", "msg.payload.free < 20");
        await _host.DeployAsync(LibraryFlow("lib1", """{ "library": "Nearly" }"""));
        var output = _host.Watch("test/lib1/out");

        await _host.PublishAsync("test/lib1/in", """{ "free": 15 }""");
        await Poll.UntilAsync(() => output.Count == 1, "the first message is evaluated");
        await PublishVersionAsync("Nearly", "msg.payload.free < 10");
        await _host.PublishAsync("test/lib1/in", """{ "free": 15 }""");
        await Poll.UntilAsync(() => output.Count == 2, "the second message is evaluated");

        var trees = output.Select(m => FlowTestHost.Payload(m)["tree"]!).ToList();
        Assert.Equal([(1, true), (2, false)], trees.Select(t => (t["version"]!.GetValue<int>(), t["isSuccess"]!.GetValue<bool>())));
        Assert.Equal(1, _host.Engine.Find("lib1")!.Current.Version);
        Assert.Equal(["lib1"], (await Library.GetAsync("traffic", "Nearly", CancellationToken.None)).FollowedBy);
    }

    [Fact]
    public async Task Pinned_KeepsItsVersion_WhenANewerOneIsPublished()
    {
        await PublishVersionAsync("Nearly", "msg.payload.free < 20");
        await PublishVersionAsync("Nearly", "msg.payload.free < 10");
        await _host.DeployAsync(LibraryFlow("lib2", """{ "library": "Nearly", "version": 1 }"""));
        var output = _host.Watch("test/lib2/out");

        await _host.PublishAsync("test/lib2/in", """{ "free": 15 }""");
        await PublishVersionAsync("Nearly", "msg.payload.free < 5");
        await _host.PublishAsync("test/lib2/in", """{ "free": 15 }""");

        await Poll.UntilAsync(() => output.Count == 2, "both messages are evaluated");
        Assert.All(output, m => Assert.Equal((1, true), (FlowTestHost.Payload(m)["tree"]!["version"]!.GetValue<int>(), FlowTestHost.Payload(m)["tree"]!["isSuccess"]!.GetValue<bool>())));
    }

    [Fact]
    public async Task ALambdaLibraryWorkflow_RunsInTheRuleNode()
    {
        await PublishVersionAsync("NearlyLambda", "msg.payload.free < 20 && msg.payload.area == \\\"Dongmen\\\"", "LambdaExpression");
        await _host.DeployAsync(LibraryFlow("lib3", """{ "library": "NearlyLambda" }"""));
        var output = _host.Watch("test/lib3/out");

        await _host.PublishAsync("test/lib3/in", """{ "free": 3, "area": "Dongmen" }""");
        await _host.PublishAsync("test/lib3/in", """{ "free": 3, "area": "Huangbei" }""");

        await Poll.UntilAsync(() => output.Count == 2, "both messages are evaluated");
        Assert.Equal([true, false], output.Select(m => FlowTestHost.Payload(m)["tree"]!["isSuccess"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Validation_NamesAMissingWorkflow_AnUnpublishedOne_AMissingVersion_AndAnAmbiguousNode()
    {
        await Library.SaveDraftAsync("traffic", "Draft", JsonNode.Parse("""{ "WorkflowName": "Draft", "Rules": [ { "RuleName": "a", "Expression": "true" } ] }""")!,
            null, null, create: true, "li.na", CancellationToken.None);
        await PublishVersionAsync("Nearly", "msg.payload.free < 20");

        string ProblemOf(string config) => Assert.Single(_host.Flows.Validate(FlowJson.Deserialize(LibraryFlow("v", config))), p => p.NodeId == "n").Message;

        Assert.Contains("has no rule workflow named 'Nope'", ProblemOf("""{ "library": "Nope" }"""), StringComparison.Ordinal);
        Assert.Contains("no published version", ProblemOf("""{ "library": "Draft" }"""), StringComparison.Ordinal);
        Assert.Contains("has no version 4", ProblemOf("""{ "library": "Nearly", "version": 4 }"""), StringComparison.Ordinal);
        Assert.Contains("not both", ProblemOf("""{ "library": "Nearly", "workflow": { "WorkflowName": "w", "Rules": [ { "RuleName": "a", "Expression": "true" } ] } }"""), StringComparison.Ordinal);
        Assert.Contains("Choose the workflow", ProblemOf("{}"), StringComparison.Ordinal);
        Assert.Contains("needs 'library'", ProblemOf("""{ "workflow": { "WorkflowName": "w", "Rules": [ { "RuleName": "a", "Expression": "true" } ] }, "version": 1 }"""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishingWhile2000MessagesStream_HandlesEveryMessageOnce_ByTheOldOrTheNewVersion()
    {
        const int Total = 2000;
        await PublishVersionAsync("Nearly", "msg.payload.free < 1000000");
        await _host.DeployAsync(LibraryFlow("stream", """{ "library": "Nearly" }"""));
        var output = _host.Watch("test/stream/out");
        async Task SendAsync(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                await _host.PublishAsync("test/stream/in", $$"""{ "seq": {{i}}, "free": 5 }""");
            }
        }

        await SendAsync(0, 1000);
        await Poll.UntilAsync(() => output.Count >= 200, "the stream is flowing through version 1");
        var publishing = Task.Run(() => PublishVersionAsync("Nearly", "msg.payload.free < 2000000"));
        await SendAsync(1000, 1500);
        await publishing;
        await SendAsync(1500, Total);

        await Poll.UntilAsync(() => output.Count == Total, $"all {Total} messages leave the rule node");
        var handled = output.Select(m => FlowTestHost.Payload(m)).Select(p => (Seq: p["seq"]!.GetValue<int>(), Version: p["tree"]!["version"]!.GetValue<int>())).ToList();
        Assert.Equal(Enumerable.Range(0, Total), handled.Select(h => h.Seq).Order());
        Assert.All(handled, h => Assert.InRange(h.Version, 1, 2));
        Assert.Equal(1, handled.Single(h => h.Seq == 0).Version);
        Assert.All(handled.Where(h => h.Seq >= 1500), h => Assert.Equal(2, h.Version));

        // One topic keeps its order, so once a message met version 2 every later one did too.
        var bySeq = handled.OrderBy(h => h.Seq).Select(h => h.Version).ToList();
        var firstNew = bySeq.IndexOf(2);
        Assert.All(bySeq.Skip(firstNew), v => Assert.Equal(2, v));
        Assert.Equal(0, _host.Engine.Find("stream")!.Counters.Errors);
    }
}
