using System.Collections.Concurrent;
using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Runtime.Tests.Bus;

public sealed class MessageBusDeliveryTests
{
    [Fact]
    public async Task Publish_ReachesEveryMatchingSubscription_AndNoOther()
    {
        await using var bus = TestBus.Create();
        var seen = new ConcurrentDictionary<string, int>();
        ValueTask Count(string name) { seen.AddOrUpdate(name, 1, (_, n) => n + 1); return ValueTask.CompletedTask; }
        await using var a = bus.Subscribe("sensors/parking/+/occupancy", (_, _) => Count("a"));
        await using var b = bus.Subscribe("sensors/#", (_, _) => Count("b"));
        await using var c = bus.Subscribe("#", (_, _) => Count("c"));
        await using var d = bus.Subscribe("traffic/#", (_, _) => Count("d"));

        await bus.PublishAsync(TestBus.Message("sensors/parking/LH-1/occupancy"), CancellationToken.None);

        await Poll.UntilAsync(() => seen.Count == 3, "a, b and c got the message");
        Assert.Equal([("a", 1), ("b", 1), ("c", 1)], seen.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)));
    }

    [Fact]
    public async Task Publish_DollarTopic_ReachesExplicitFilterButNotHash()
    {
        await using var bus = TestBus.Create();
        var hash = 0;
        var sys = 0;
        await using var all = bus.Subscribe("#", (_, _) => { Interlocked.Increment(ref hash); return ValueTask.CompletedTask; });
        await using var explicitSys = bus.Subscribe("$SYS/#", (_, _) => { Interlocked.Increment(ref sys); return ValueTask.CompletedTask; });

        await bus.PublishAsync(TestBus.Message("$SYS/hub/load"), CancellationToken.None);
        await bus.PublishAsync(TestBus.Message("marker"), CancellationToken.None);

        await Poll.UntilAsync(() => Volatile.Read(ref hash) == 1 && Volatile.Read(ref sys) == 1, "the marker and the $SYS message arrived");
        Assert.Equal(1, Volatile.Read(ref hash));
    }

    [Fact]
    public async Task Publish_NoMatch_CountsUnmatched()
    {
        await using var bus = TestBus.Create();
        await using var sub = bus.Subscribe("a/#", (_, _) => ValueTask.CompletedTask);

        await bus.PublishAsync(TestBus.Message("b/c"), CancellationToken.None);

        var stats = bus.GetStatistics();
        Assert.Equal(1, stats.Published);
        Assert.Equal(1, stats.Unmatched);
    }

    [Fact]
    public async Task Publish_WildcardTopic_Throws()
    {
        await using var bus = TestBus.Create();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => bus.PublishAsync(TestBus.Message("a/+"), CancellationToken.None).AsTask());
        Assert.Contains("level 1 contains the wildcard '+'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_InvalidFilter_Throws()
    {
        await using var bus = TestBus.Create();
        Assert.Throws<ArgumentException>(() => bus.Subscribe("a/#/b", (_, _) => ValueTask.CompletedTask));
    }

    [Fact]
    public async Task HandlerException_IsCountedAndDeliveryGoesOn()
    {
        await using var bus = TestBus.Create();
        var handled = new ConcurrentQueue<string>();
        await using var sub = bus.Subscribe("t/#", (m, _) =>
        {
            if (m.Topic == "t/bad")
            {
                throw new InvalidOperationException("boom");
            }

            handled.Enqueue(m.Topic);
            return ValueTask.CompletedTask;
        });

        await bus.PublishAsync(TestBus.Message("t/1"), CancellationToken.None);
        await bus.PublishAsync(TestBus.Message("t/bad"), CancellationToken.None);
        await bus.PublishAsync(TestBus.Message("t/2"), CancellationToken.None);

        await Poll.UntilAsync(() => handled.Count == 2, "both good messages were handled");
        Assert.Equal(["t/1", "t/2"], handled);
        Assert.Equal(1, sub.GetStatistics().Failures);
        Assert.Equal(2, sub.GetStatistics().Delivered);
        Assert.Equal(1, bus.GetStatistics().Failures);
    }

    [Fact]
    public async Task Ordering_ConcurrentPublishers_EachPublishersOrderIsKept()
    {
        await using var bus = TestBus.Create();
        const int Publishers = 4;
        const int PerPublisher = 2000;
        var received = new List<(string Source, int Seq)>();
        await using var sub = bus.Subscribe("o/+", (m, _) =>
        {
            received.Add((m.Source, int.Parse(m.Headers["seq"], System.Globalization.CultureInfo.InvariantCulture)));
            return ValueTask.CompletedTask;
        }, new SubscriptionOptions { Capacity = 8 });

        await Task.WhenAll(Enumerable.Range(0, Publishers).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < PerPublisher; i++)
            {
                await bus.PublishAsync(TestBus.Numbered($"o/{i % 3}", p, i), CancellationToken.None);
            }
        })));

        await Poll.UntilAsync(() => sub.GetStatistics().Delivered == Publishers * PerPublisher, "every message was handled");
        foreach (var group in received.GroupBy(r => r.Source))
        {
            Assert.Equal(Enumerable.Range(0, PerPublisher), group.Select(r => r.Seq));
        }
    }

    [Fact]
    public async Task MaxConcurrency_HandlesSeveralMessagesAtOnce()
    {
        await using var bus = TestBus.Create();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inside = 0;
        await using var sub = bus.Subscribe("c", async (_, ct) =>
        {
            Interlocked.Increment(ref inside);
            await gate.Task.WaitAsync(ct);
        }, new SubscriptionOptions { MaxConcurrency = 3 });

        for (var i = 0; i < 3; i++)
        {
            await bus.PublishAsync(TestBus.Message("c"), CancellationToken.None);
        }

        await Poll.UntilAsync(() => Volatile.Read(ref inside) == 3, "three handlers run at the same time");
        gate.SetResult();
        await Poll.UntilAsync(() => sub.GetStatistics().Delivered == 3, "all three finished");
    }
}
