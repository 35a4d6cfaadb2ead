using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Tests.TestSupport;

namespace Luohu.Hub.Rules.Tests.Scripting;

public sealed class SandboxConcurrencyTests
{
    [Fact]
    public void ManyThreads_ShareOneCompiledScript_EachGetsItsOwnResult()
    {
        const int threads = 16;
        const int perThread = 500;
        // 16 threads on a 2-core machine: a script may wait for a core longer than the default wall-clock limit.
        var sandbox = Sandboxes.Create(options: new RulesOptions { DefaultLimits = Sandboxes.Relaxed });
        var script = sandbox.Compile(
            "const leaked = typeof globalThis.leaked;\ntry { globalThis.leaked = msg.n; } catch { }\nconst r = /x/g; r.exec('xx');\nctx.set('seen', msg.n);\nreturn { n: msg.n, twice: msg.n * 2, tag, leaked, lastIndex: r.lastIndex };",
            ScriptKind.Function,
            ["tag"]);
        var mismatches = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
        {
            for (var i = 0; i < perThread; i++)
            {
                var n = (thread * perThread) + i;
                var state = new InMemoryScriptState();
                var input = new ScriptInput
                {
                    Message = new JsonObject { ["n"] = n },
                    Variables = new Dictionary<string, JsonNode?> { ["tag"] = $"t{thread}" },
                    State = state,
                };
                var value = sandbox.Evaluate(script, input).Value!;
                if (value["n"]!.GetValue<int>() != n || value["twice"]!.GetValue<int>() != 2 * n || value["tag"]!.GetValue<string>() != $"t{thread}"
                    || value["leaked"]!.GetValue<string>() != "undefined" || value["lastIndex"]!.GetValue<int>() != 1 || state.GetValue("seen")!.GetValue<int>() != n)
                {
                    mismatches.Add($"{n}: {value.ToJsonString()}");
                }
            }
        });

        Assert.Empty(mismatches);
    }

    [Fact]
    public void ManyThreads_CompilingDistinctSources_AllSucceed()
    {
        var sandbox = Sandboxes.Create(options: new RulesOptions { DefaultLimits = Sandboxes.Relaxed });

        var results = new int[2000];
        Parallel.For(0, results.Length, i => results[i] = sandbox.Run($"{i} + 1", ScriptKind.Expression)!.GetValue<int>());

        Assert.All(Enumerable.Range(0, results.Length), i => Assert.Equal(i + 1, results[i]));
        Assert.Equal(1024, sandbox.CachedScriptCount);
    }
}
