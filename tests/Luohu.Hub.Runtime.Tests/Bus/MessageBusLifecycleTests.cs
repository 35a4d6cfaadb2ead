using Luohu.Hub.Runtime.Bus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Luohu.Hub.Runtime.Tests.Bus;

public sealed class MessageBusLifecycleTests
{
    [Fact]
    public async Task SubscribeAndUnsubscribe_WhilePublishing_NeitherThrowsNorLosesForStableSubscribers()
    {
        await using var bus = TestBus.Create();
        var stable = 0;
        await using var keeper = bus.Subscribe("live/#", (_, _) => { Interlocked.Increment(ref stable); return ValueTask.CompletedTask; },
            new SubscriptionOptions { Capacity = 8 });
        using var stop = new CancellationTokenSource();
        var churn = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var sub = bus.Subscribe("live/+", (_, _) => ValueTask.CompletedTask, new SubscriptionOptions { Capacity = 2 });
                await Task.Yield();
                await sub.DisposeAsync();
            }
        });

        const int Count = 20_000;
        for (var i = 0; i < Count; i++)
        {
            await bus.PublishAsync(TestBus.Message("live/x"), CancellationToken.None);
        }

        await stop.CancelAsync();
        await churn;
        await Poll.UntilAsync(() => Volatile.Read(ref stable) == Count, "the stable subscriber got every message");
        Assert.Equal(1, bus.GetStatistics().Subscriptions);
    }

    [Fact]
    public async Task Dispose_DrainsQueuedMessages()
    {
        await using var bus = TestBus.Create();
        var handled = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sub = bus.Subscribe("q", async (_, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            Interlocked.Increment(ref handled);
        }, new SubscriptionOptions { Capacity = 10 });
        for (var i = 0; i < 5; i++)
        {
            await bus.PublishAsync(TestBus.Message("q"), CancellationToken.None);
        }

        var disposing = sub.DisposeAsync().AsTask();
        await bus.PublishAsync(TestBus.Message("q"), CancellationToken.None);
        Assert.False(disposing.IsCompleted);
        gate.SetResult();
        await disposing.WaitAsync(Poll.Deadline);

        Assert.Equal(5, Volatile.Read(ref handled));
        Assert.Equal(0, bus.GetStatistics().Subscriptions);
        Assert.Equal(1, bus.GetStatistics().Unmatched);
    }

    [Fact]
    public async Task Dispose_DrainTimeout_CancelsHandlerAndCountsDiscarded()
    {
        await using var bus = TestBus.Create(drainTimeout: TimeSpan.FromMilliseconds(50));
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sub = bus.Subscribe("q", async (_, ct) =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            finally
            {
                cancelled.TrySetResult();
            }
        }, new SubscriptionOptions { Capacity = 10 });
        for (var i = 0; i < 4; i++)
        {
            await bus.PublishAsync(TestBus.Message("q"), CancellationToken.None);
        }

        await started.Task;
        await sub.DisposeAsync();

        await cancelled.Task.WaitAsync(Poll.Deadline);
        Assert.Equal(3, sub.GetStatistics().Dropped);
        Assert.Equal(3, bus.GetStatistics().DiscardedOnDispose);
    }

    [Fact]
    public async Task Dispose_Twice_IsHarmless()
    {
        await using var bus = TestBus.Create();
        var sub = bus.Subscribe("x", (_, _) => ValueTask.CompletedTask);
        await sub.DisposeAsync();
        await sub.DisposeAsync();
        Assert.Equal(0, bus.GetStatistics().Subscriptions);
    }

    [Fact]
    public async Task ListSubscriptions_ShowsNameFilterAndPolicy()
    {
        await using var bus = TestBus.Create();
        await using var sub = bus.Subscribe("a/+", (_, _) => ValueTask.CompletedTask,
            new SubscriptionOptions { Name = "flow:f/in", OverflowPolicy = OverflowPolicy.DropOldest, Capacity = 7 });

        var listed = Assert.Single(bus.ListSubscriptions());
        Assert.Equal(("flow:f/in", "a/+", OverflowPolicy.DropOldest, 7), (listed.Name, listed.Filter, listed.OverflowPolicy, listed.Capacity));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public async Task Subscribe_InvalidOptions_Throws(int capacity, int concurrency)
    {
        await using var bus = TestBus.Create();
        Assert.Throws<ArgumentException>(() => bus.Subscribe("a", (_, _) => ValueTask.CompletedTask,
            new SubscriptionOptions { Capacity = capacity, MaxConcurrency = concurrency }));
    }

    [Fact]
    public async Task AddHubBus_ReplacesEarlierPublisher_AndSharesOneInstance()
    {
        var services = new ServiceCollection();
        services.TryAddSingleton<IMessagePublisher, NullPublisher>();
        services.AddHubBus(o => o.DrainTimeout = TimeSpan.FromSeconds(1));
        services.TryAddSingleton<IMessagePublisher, NullPublisher>();
        await using var provider = services.BuildServiceProvider();

        var bus = provider.GetRequiredService<IMessageBus>();
        Assert.IsType<MessageBus>(bus);
        Assert.Same(bus, provider.GetRequiredService<IMessagePublisher>());
        Assert.Single(provider.GetServices<IMessagePublisher>());
    }

    private sealed class NullPublisher : IMessagePublisher
    {
        public ValueTask PublishAsync(HubMessage message, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
