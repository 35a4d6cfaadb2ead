using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Runtime.Tests.Bus;

public sealed class MessageBusBackPressureTests
{
    private const int Capacity = 4;

    [Fact]
    public async Task Wait_FullQueue_PublisherWaitsUntilHandlerMakesRoom()
    {
        await using var bus = TestBus.Create();
        var (sub, gate, started) = SubscribeBlocked(bus, OverflowPolicy.Wait);
        await using var _ = sub;

        // One message is taken by the blocked handler, Capacity more fill the queue.
        await bus.PublishAsync(TestBus.Message("bp"), CancellationToken.None);
        await started.Task;
        for (var i = 0; i < Capacity; i++)
        {
            Assert.True(bus.PublishAsync(TestBus.Message("bp"), CancellationToken.None).AsTask().IsCompletedSuccessfully);
        }

        var blocked = bus.PublishAsync(TestBus.Message("bp"), CancellationToken.None).AsTask();
        Assert.False(blocked.IsCompleted);
        Assert.Equal(Capacity, sub.GetStatistics().QueueDepth);

        gate.SetResult();
        await blocked.WaitAsync(Poll.Deadline);
        await Poll.UntilAsync(() => sub.GetStatistics().Delivered == Capacity + 2, "every message was handled");
        Assert.Equal(0, sub.GetStatistics().Dropped);
    }

    [Fact]
    public async Task Wait_CancelledWhileWaiting_ThrowsAndDoesNotQueue()
    {
        await using var bus = TestBus.Create();
        var (sub, gate, started) = SubscribeBlocked(bus, OverflowPolicy.Wait);
        await using var _ = sub;
        await bus.PublishAsync(TestBus.Message("bp"), CancellationToken.None);
        await started.Task;
        for (var i = 0; i < Capacity; i++)
        {
            await bus.PublishAsync(TestBus.Message("bp"), CancellationToken.None);
        }

        using var cts = new CancellationTokenSource();
        var blocked = bus.PublishAsync(TestBus.Message("bp"), cts.Token).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
        Assert.Equal(Capacity, sub.GetStatistics().QueueDepth);
        gate.SetResult();
    }

    [Theory]
    [InlineData(nameof(OverflowPolicy.DropOldest))]
    [InlineData(nameof(OverflowPolicy.DropNewest))]
    public async Task DropPolicies_CountWhatTheyDrop_AndKeepTheRightMessages(string policyName)
    {
        var policy = Enum.Parse<OverflowPolicy>(policyName);
        await using var bus = TestBus.Create();
        var handled = new List<int>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var sub = bus.Subscribe("d", async (m, ct) =>
        {
            started.TrySetResult();
            await gate.Task.WaitAsync(ct);
            handled.Add(int.Parse(m.Headers["seq"], System.Globalization.CultureInfo.InvariantCulture));
        }, new SubscriptionOptions { Capacity = Capacity, OverflowPolicy = policy, Name = "shedder" });

        await bus.PublishAsync(TestBus.Numbered("d", 0, 0), CancellationToken.None);
        await started.Task;
        for (var i = 1; i <= 10; i++)
        {
            Assert.True(bus.PublishAsync(TestBus.Numbered("d", 0, i), CancellationToken.None).AsTask().IsCompletedSuccessfully);
        }

        var stats = sub.GetStatistics();
        Assert.Equal(10 - Capacity, stats.Dropped);
        Assert.Equal(Capacity, stats.PeakQueueDepth);
        var busStats = bus.GetStatistics();
        Assert.Equal(10 - Capacity, policy == OverflowPolicy.DropOldest ? busStats.DroppedOldest : busStats.DroppedNewest);

        gate.SetResult();
        await Poll.UntilAsync(() => sub.GetStatistics().Delivered == 1 + Capacity, "the kept messages were handled");
        int[] expected = policy == OverflowPolicy.DropOldest ? [0, 7, 8, 9, 10] : [0, 1, 2, 3, 4];
        Assert.Equal(expected, handled);
    }

    [Fact]
    public async Task Reject_FullQueue_ThrowsToPublisher_OthersStillReceive()
    {
        await using var bus = TestBus.Create();
        var (sub, gate, started) = SubscribeBlocked(bus, OverflowPolicy.Reject, name: "strict");
        await using var _ = sub;
        var other = 0;
        await using var tolerant = bus.Subscribe("bp", (_, _) => { Interlocked.Increment(ref other); return ValueTask.CompletedTask; });
        await bus.PublishAsync(TestBus.Message("bp"), CancellationToken.None);
        await started.Task;
        for (var i = 0; i < Capacity; i++)
        {
            await bus.PublishAsync(TestBus.Message("bp"), CancellationToken.None);
        }

        var ex = await Assert.ThrowsAsync<BusOverflowException>(() => bus.PublishAsync(TestBus.Message("bp"), CancellationToken.None).AsTask());

        Assert.Equal(["strict"], ex.Subscriptions);
        Assert.Contains("raise their Capacity", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, sub.GetStatistics().Rejected);
        Assert.Equal(1, bus.GetStatistics().Rejected);
        await Poll.UntilAsync(() => Volatile.Read(ref other) == Capacity + 2, "the other subscription got every message");
        gate.SetResult();
    }

    [Fact]
    public async Task QueueDepth_NeverExceedsCapacity_UnderFlood()
    {
        await using var bus = TestBus.Create();
        var depthSeen = 0;
        IMessageSubscription? self = null;
        await using var sub = bus.Subscribe("f", async (_, _) =>
        {
            depthSeen = Math.Max(depthSeen, self!.GetStatistics().QueueDepth);
            await Task.Yield();
        }, new SubscriptionOptions { Capacity = 16, OverflowPolicy = OverflowPolicy.DropOldest });
        self = sub;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 5000; i++)
            {
                await bus.PublishAsync(TestBus.Message("f"), CancellationToken.None);
            }
        })));

        await Poll.UntilAsync(() => sub.GetStatistics().QueueDepth == 0, "the queue drained");
        var stats = sub.GetStatistics();
        Assert.InRange(stats.PeakQueueDepth, 1, 16);
        Assert.InRange(depthSeen, 0, 16);
        await Poll.UntilAsync(() => sub.GetStatistics().Delivered + sub.GetStatistics().Dropped == 20_000, "every message was handled or counted as dropped");
    }

    private static (IMessageSubscription Sub, TaskCompletionSource Gate, TaskCompletionSource Started) SubscribeBlocked(
        MessageBus bus, OverflowPolicy policy, string? name = null)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sub = bus.Subscribe("bp", async (_, ct) =>
        {
            started.TrySetResult();
            await gate.Task.WaitAsync(ct);
        }, new SubscriptionOptions { Capacity = Capacity, OverflowPolicy = policy, Name = name });
        return (sub, gate, started);
    }
}
