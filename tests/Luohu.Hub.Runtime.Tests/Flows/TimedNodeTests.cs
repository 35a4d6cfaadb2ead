
namespace Luohu.Hub.Runtime.Tests.Flows;

public sealed class TimedNodeTests : IAsyncDisposable
{
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));
    private readonly FlowTestHost _host;

    public TimedNodeTests() => _host = new FlowTestHost(time: _time);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Delay_HoldsTheMessageUntilTheTimeHasPassed()
    {
        await _host.DeployAsync(TestFlows.Through("dl", """{ "id": "n", "type": "delay", "config": { "ms": 5000 } }"""));
        var output = _host.Watch("test/dl/out");
        var timersBefore = _time.ActiveTimers;

        await _host.PublishAsync("test/dl/in", "{}");
        await Poll.UntilAsync(() => _time.ActiveTimers > timersBefore, "the delay waits on a timer");
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(output);
        _time.Advance(TimeSpan.FromSeconds(1));

        await Poll.UntilAsync(() => output.Count == 1, "the message leaves after 5 s");
    }

    [Fact]
    public async Task Delay_OverMaxPending_GoesToTheDeadLetters()
    {
        await _host.DeployAsync(TestFlows.Through("dl2", """{ "id": "n", "type": "delay", "config": { "ms": 60000, "maxPending": 2 } }"""));

        for (var i = 0; i < 3; i++)
        {
            await _host.PublishAsync("test/dl2/in", "{}");
        }

        await Poll.UntilAsync(async () => (await _host.DeadLetters.ListAsync("dl2", null, 0, 10, default)).Count == 1, "the third message is a dead letter");
    }

    [Fact]
    public async Task Throttle_Drop_PassesCountPerPeriodPerKey()
    {
        await _host.DeployAsync(TestFlows.Through("th", """{ "id": "n", "type": "throttle", "config": { "count": 2, "periodMs": 1000, "key": "{{payload.k}}" } }"""));
        var output = _host.Watch("test/th/out");

        foreach (var key in new[] { "a", "a", "a", "b" })
        {
            await _host.PublishAsync("test/th/in", $$"""{ "k": "{{key}}" }""");
        }

        await Poll.UntilAsync(() => output.Count == 3, "two of key a and one of key b pass");
        _time.Advance(TimeSpan.FromSeconds(1));
        await _host.PublishAsync("test/th/in", """{ "k": "a" }""");
        await Poll.UntilAsync(() => output.Count == 4, "a new period lets key a through again");
        Assert.Equal(1, _host.Engine.Find("th")!.Current.Nodes.Single(n => n.Node.Id == "n").State.Dropped);
    }

    [Fact]
    public async Task Window_Count_EmitsTheAggregateEveryNMessagesPerKey()
    {
        await _host.DeployAsync(TestFlows.Through("wc", """{ "id": "n", "type": "window", "config": { "mode": "count", "size": 3, "aggregate": "avg", "value": "payload.v", "key": "{{payload.k}}" } }"""));
        var output = _host.Watch("test/wc/out");

        foreach (var (k, v) in new[] { ("a", 1), ("b", 100), ("a", 2), ("a", 6) })
        {
            await _host.PublishAsync("test/wc/in", $$"""{ "k": "{{k}}", "v": {{v}} }""");
        }

        await Poll.UntilAsync(() => output.Count == 1, "key a's window fills");
        var payload = FlowTestHost.Payload(output.Single());
        Assert.Equal(3, payload["value"]!.GetValue<double>());
        Assert.Equal("a", payload["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Window_Latest_SumsTheLatestValueOfEveryKeyEachPeriod()
    {
        await _host.DeployAsync(TestFlows.Through("wl", """{ "id": "n", "type": "window", "config": { "mode": "latest", "periodMs": 10000, "aggregate": "sum", "value": "payload.free", "key": "{{payload.lot}}" } }"""));
        var output = _host.Watch("test/wl/out");

        foreach (var (lot, free) in new[] { ("A", 10), ("B", 20), ("A", 5) })
        {
            await _host.PublishAsync("test/wl/in", $$"""{ "lot": "{{lot}}", "free": {{free}} }""");
        }

        await Poll.UntilAsync(
            () => _host.Engine.Find("wl")!.Current.Nodes.Single(n => n.Node.Id == "n").State.ToJsonString().Contains("\"A\":5", StringComparison.Ordinal),
            "the window has seen the three messages");
        _time.Advance(TimeSpan.FromSeconds(10));

        await Poll.UntilAsync(() => !output.IsEmpty, "the period ends");
        var payload = FlowTestHost.Payload(output.First());
        Assert.Equal(25, payload["value"]!.GetValue<double>());
        Assert.Equal(2, payload["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Window_Time_EmitsOneResultPerKeyAtThePeriodEnd_ThenStartsAfresh()
    {
        await _host.DeployAsync(TestFlows.Through("wt", """{ "id": "n", "type": "window", "config": { "mode": "time", "periodMs": 60000, "aggregate": "max", "value": "payload.v" } }"""));
        var output = _host.Watch("test/wt/out");

        foreach (var v in new[] { 3, 9, 4 })
        {
            await _host.PublishAsync("test/wt/in", $$"""{ "v": {{v}} }""");
        }

        await Poll.UntilAsync(
            () => _host.Engine.Find("wt")!.Current.Nodes.Single(n => n.Node.Id == "n").State.ToJsonString().Contains("\"count\":3", StringComparison.Ordinal),
            "the window has seen the three messages");
        _time.Advance(TimeSpan.FromMinutes(1));

        await Poll.UntilAsync(() => output.Count == 1, "the period ends");
        Assert.Equal(9, FlowTestHost.Payload(output.Single())["value"]!.GetValue<double>());
        Assert.DoesNotContain("buckets", _host.Engine.Find("wt")!.Current.Nodes.Single(n => n.Node.Id == "n").State.ToJsonString(), StringComparison.Ordinal);
    }
}
