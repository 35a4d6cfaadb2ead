using System.Globalization;
using System.Text;
using Luohu.Hub.Runtime.Flows;

namespace Luohu.Hub.Runtime.Tests.Flows;

/// <summary>The work one message may cause: refused by the validator where the wiring shows it, stopped at run time where a script multiplies it.</summary>
public sealed class WorkBudgetTests : IAsyncDisposable
{
    private readonly FlowTestHost _host = new();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private const string Pass = """{ "type": "script", "config": { "code": "return msg;" } }""";

    private static string Node(string id) => Pass.Replace("{ \"type\"", $"{{ \"id\": \"{id}\", \"type\"", StringComparison.Ordinal);

    [Fact]
    public void Validate_LoopWithTwoBranches_IsRefusedNamingItsNodes()
    {
        var flow = FlowJson.Deserialize(TestFlows.Flow("branch", $"{Node("a")}, {Node("b")}, {Node("c")}",
            """{ "from": "in", "to": "a" }, { "from": "a", "to": "b" }, { "from": "a", "to": "c" }, { "from": "b", "to": "a" }, { "from": "c", "to": "a" }"""));

        var problem = Assert.Single(_host.Flows.Validate(flow));

        Assert.Equal("wires", problem.Path);
        Assert.Contains("loop that branches", problem.Message, StringComparison.Ordinal);
        Assert.Contains("a", problem.NodeId, StringComparison.Ordinal);
        Assert.All(["a", "b", "c"], id => Assert.Contains(id, problem.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LatticeOf30LevelsOfTwo_IsRefusedForItsFanOut()
    {
        var nodes = new StringBuilder();
        var wires = new StringBuilder("""{ "from": "in", "to": "l0a" }, { "from": "in", "to": "l0b" }""");
        for (var level = 0; level < 30; level++)
        {
            nodes.Append(level == 0 ? string.Empty : ", ").Append(Node($"l{level}a")).Append(", ").Append(Node($"l{level}b"));
            if (level < 29)
            {
                foreach (var from in new[] { "a", "b" })
                {
                    foreach (var to in new[] { "a", "b" })
                    {
                        wires.Append(CultureInfo.InvariantCulture, $$""", { "from": "l{{level}}{{from}}", "to": "l{{level + 1}}{{to}}" }""");
                    }
                }
            }
        }

        var problems = _host.Flows.Validate(FlowJson.Deserialize(TestFlows.Flow("lattice", nodes.ToString(), wires.ToString())));

        var problem = Assert.Single(problems);
        Assert.Equal("in", problem.NodeId);
        Assert.Contains("could run more than 10,000 nodes", problem.Message, StringComparison.Ordinal);
        Assert.Contains("fan out at in, l0a, l0b", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ChainOf10000Nodes_NamesTheHopLimitNotALoop()
    {
        var nodes = string.Join(", ", Enumerable.Range(0, 10_000).Select(i => Node($"n{i}")));
        var wires = "{ \"from\": \"in\", \"to\": \"n0\" }, " + string.Join(", ", Enumerable.Range(0, 9_999).Select(i => $$"""{ "from": "n{{i}}", "to": "n{{i + 1}}" }"""));

        var problems = _host.Flows.Validate(FlowJson.Deserialize(TestFlows.Flow("chain", nodes, wires)));

        Assert.Contains(problems, p => p.Message.Contains("passes 10,001 nodes in a row, more than the hop limit of 256", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("the chain alone is longer than that", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.DoesNotContain("loop", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlainLoop_StopsAtTheHopLimit_WithTheLoopNamed()
    {
        await _host.DeployAsync(TestFlows.Flow("plain", $"{Node("a")}, {Node("b")}",
            """{ "from": "in", "to": "a" }, { "from": "a", "to": "b" }, { "from": "b", "to": "a" }"""));

        await _host.PublishAsync("test/plain/in", "{}");

        await Poll.UntilAsync(async () => (await _host.DeadLetters.ListAsync("plain", null, 0, 10, default)).Count == 1, "the looping message is a dead letter");
        var letter = Assert.Single(await _host.DeadLetters.ListAsync("plain", null, 0, 10, default));
        Assert.Contains("passed 256 nodes in a row", letter.Reason, StringComparison.Ordinal);
        Assert.Contains("a → b → a", letter.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptThatDoublesItsMessageInALoop_StopsAtTheBudget_WithOneDeadLetter()
    {
        // A plain loop to the validator, but the script returns two messages for each one: it doubles every round.
        await _host.DeployAsync(TestFlows.Flow("double", """{ "id": "dup", "type": "script", "config": { "code": "return [[msg, msg]];" } }""",
            """{ "from": "in", "to": "dup" }, { "from": "dup", "to": "dup" }"""));

        await _host.PublishAsync("test/double/in", "{}");

        await Poll.UntilAsync(async () => (await _host.DeadLetters.ListAsync("double", null, 0, 10, default)).Count >= 2, "both limits are reported");
        await Task.Delay(300);

        // Depth first, the first copy reaches the hop limit; the budget then stops the rest. One dead letter each, not one per copy.
        var letters = await _host.DeadLetters.ListAsync("double", null, 0, 10, default);
        Assert.Equal(2, letters.Count);
        Assert.Single(letters, l => l.Reason.Contains("more than 10000 node runs", StringComparison.Ordinal));
        Assert.Single(letters, l => l.Reason.Contains("passed 256 nodes in a row", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteAsync_StopsTheWorkInFlight()
    {
        var calls = 0;
        _host.Capabilities.AddAction("slow.step", input =>
        {
            Interlocked.Increment(ref calls);
            Thread.Sleep(20);
            return input;
        });
        await _host.DeployAsync(TestFlows.Flow("slow", """{ "id": "step", "type": "action", "config": { "capability": "slow.step", "input": {} } }""",
            """{ "from": "in", "to": "step" }, { "from": "step", "to": "step" }"""));
        await _host.PublishAsync("test/slow/in", "{}");
        await Poll.UntilAsync(() => Volatile.Read(ref calls) >= 3, "the loop runs");

        await _host.Flows.DeleteAsync("slow", "tester", CancellationToken.None);
        var atDelete = Volatile.Read(ref calls);
        await Task.Delay(300);

        Assert.Equal(atDelete, Volatile.Read(ref calls));
        Assert.True(atDelete < 100, $"{atDelete} calls ran before the delete returned: the loop drained instead of stopping");
    }
}
