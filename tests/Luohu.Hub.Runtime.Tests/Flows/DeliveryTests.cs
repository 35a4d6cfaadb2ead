using System.Text;
using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Runtime.Tests.Flows;

/// <summary>
/// What "processed" means for a message whose source waits for it (an MQTT QoS 1 delivery): its
/// <see cref="MessageDelivery"/> settles when every handling it caused is done — through scripts that build new objects,
/// delay nodes (when the message left the delay), throttle's queue (when sent, or when a newer one replaced it) and
/// window nodes (when counted; the window's later result is a new message of its own).
/// </summary>
public sealed class DeliveryTests : IAsyncDisposable
{
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
    private readonly FlowTestHost _host;

    public DeliveryTests() => _host = new FlowTestHost(time: _time);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_script_that_returns_a_brand_new_object_still_carries_the_delivery_until_its_published_result_is_handled()
    {
        await _host.DeployAsync(TestFlows.Through("fresh", """{ "id": "n", "type": "script", "config": { "code": "return { payload: { fresh: true } };" } }"""));
        using var release = new SemaphoreSlim(0);
        var handled = 0;
        await using var downstream = _host.Bus.Subscribe("test/fresh/out", async (_, ct) =>
        {
            await release.WaitAsync(ct);
            Interlocked.Increment(ref handled);
        });

        var delivery = await PublishAsync("test/fresh/in");
        await Poll.UntilAsync(() => downstream.GetStatistics().QueueDepth == 0 && Volatile.Read(ref handled) == 0, "the result waiting in the downstream handler");

        Assert.False(delivery.IsSettled);
        release.Release();
        await Poll.UntilAsync(() => delivery.IsSettled, "settled once the downstream handler returned");
        Assert.Equal(1, delivery.Settles);
    }

    [Fact]
    public async Task A_message_a_delay_node_holds_is_processed_only_when_it_left_the_delay()
    {
        await _host.DeployAsync(TestFlows.Through("hold", """{ "id": "n", "type": "delay", "config": { "ms": 5000 } }"""));
        var output = _host.Watch("test/hold/out");
        var timers = _time.ActiveTimers;

        var delivery = await PublishAsync("test/hold/in");
        await Poll.UntilAsync(() => _time.ActiveTimers > timers, "the delay waits on a timer");

        Assert.False(delivery.IsSettled);
        _time.Advance(TimeSpan.FromSeconds(5));
        await Poll.UntilAsync(() => delivery.IsSettled, "settled after the delay");
        Assert.Single(output);
    }

    [Fact]
    public async Task A_message_throttle_queues_is_processed_when_sent_and_one_it_replaced_at_once()
    {
        await _host.DeployAsync(TestFlows.Through("tq", """{ "id": "n", "type": "throttle", "config": { "count": 1, "periodMs": 1000, "mode": "queue-latest" } }"""));
        var output = _host.Watch("test/tq/out");

        var passed = await PublishAsync("test/tq/in");
        var replaced = await PublishAsync("test/tq/in");
        var queued = await PublishAsync("test/tq/in");

        await Poll.UntilAsync(() => passed.IsSettled && replaced.IsSettled, "the first passed, the second was replaced");
        Assert.False(queued.IsSettled);
        _time.Advance(TimeSpan.FromSeconds(1));
        await Poll.UntilAsync(() => queued.IsSettled, "the queued one sent in the next period");
        Assert.Equal(2, output.Count);
    }

    [Fact]
    public async Task A_message_a_window_counts_is_processed_when_counted_and_the_windows_result_is_not_owed_to_it()
    {
        await _host.DeployAsync(TestFlows.Through("win", """{ "id": "n", "type": "window", "config": { "mode": "time", "periodMs": 60000, "aggregate": "count" } }"""));
        var output = _host.Watch("test/win/out");

        var delivery = await PublishAsync("test/win/in");

        await Poll.UntilAsync(() => delivery.IsSettled, "settled once counted");
        Assert.Empty(output);
    }

    private async Task<TestDelivery> PublishAsync(string topic)
    {
        var delivery = new TestDelivery();
        var message = HubMessages.Create(topic, Encoding.UTF8.GetBytes("{}"), "mqtt", TimeProvider.System) with { Delivery = delivery };
        await _host.Bus.PublishAsync(message, CancellationToken.None);
        delivery.Release();
        return delivery;
    }

    private sealed class TestDelivery : MessageDelivery
    {
        private int _settles;

        public int Settles => Volatile.Read(ref _settles);

        protected override void OnSettled() => Interlocked.Increment(ref _settles);
    }
}
