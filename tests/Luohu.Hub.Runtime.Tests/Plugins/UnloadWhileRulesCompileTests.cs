using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Workflows;

namespace Luohu.Hub.Runtime.Tests.Plugins;

/// <summary>
/// RulesEngine's parser reads the types of every loaded assembly each time it is built; reading a plugin's types
/// while its load context is collected crashed the whole process (a segfault in the runtime). A plugin reloaded
/// again and again while fresh workflows keep compiling must leave the process, every unload and every answer whole.
/// </summary>
public sealed class UnloadWhileRulesCompileTests
{
    [Fact]
    public async Task ReloadAsync_WhileFreshWorkflowsCompile_EveryOldContextIsCollectedAndEveryRuleAnswers()
    {
        await using var hub = await new TestHub().StartAsync();
        await hub.InstallAsync("Counter.V1");
        var engine = new WorkflowEngine(new ScriptSandbox());
        using var stop = new CancellationTokenSource();
        var evaluations = 0;

        var compiling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                // A new workflow object each time: a new RulesEngine, a new parser, a new scan of every assembly.
                var limit = evaluations % 50;
                var workflow = WorkflowJson.Parse($$"""
                    { "WorkflowName": "W{{evaluations}}", "Rules": [
                      { "RuleName": "Low", "Expression": "lot.free < {{limit}}" },
                      { "RuleName": "Js", "RuleExpressionType": "JavaScript", "Expression": "lot.free >= {{limit}}" } ] }
                    """);
                var free = evaluations % 7 * 10;
                var result = await engine.EvaluateAsync(workflow, new Dictionary<string, JsonNode?> { ["lot"] = new JsonObject { ["free"] = free } });
                Assert.Equal(free < limit, result.Results[0].IsSuccess);
                Assert.Equal(free >= limit, result.Results[1].IsSuccess);
                Interlocked.Increment(ref evaluations);
            }
        });

        // At least 30 reloads, and on until 30 workflows have compiled among them (bounded).
        var reloads = 0;
        while (reloads < 30 || (Volatile.Read(ref evaluations) < 30 && reloads < 300 && !compiling.IsCompleted))
        {
            await hub.Manager.ReloadAsync("fixtures.counter", CancellationToken.None);
            await hub.InvokeAsync("counter.add", new { add = 1 });
            reloads++;
        }

        await stop.CancelAsync();
        await compiling;

        Assert.Equal(reloads, hub.Manager.UnloadsConfirmed);
        Assert.Equal(0, hub.Manager.UnloadsNotConfirmed);
        Assert.True(evaluations >= 30, $"only {evaluations} workflows compiled during {reloads} reloads");
    }
}
