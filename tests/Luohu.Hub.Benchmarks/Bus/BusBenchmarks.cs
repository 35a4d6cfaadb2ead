using System.Text;
using BenchmarkDotNet.Attributes;
using Luohu.Hub.Runtime.Bus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Benchmarks.Bus;

/// <summary>Publish → handler throughput: one operation publishes a batch and waits until every subscription handled it.</summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes the bus.
public class BusBenchmarks
#pragma warning restore CA1001
{
    private const int Batch = 10_000;
    private MessageBus _bus = null!;
    private HubMessage _message = null!;
    private long _handled;
    private long _target;
    private TaskCompletionSource _done = new();
    private readonly List<IMessageSubscription> _subscriptions = [];

    [Params(1, 10)]
    public int Subscriptions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bus = new MessageBus(Options.Create(new BusOptions()), TimeProvider.System, NullLogger<MessageBus>.Instance);
        _message = HubMessages.Create("sensors/parking/LH-0042/occupancy", Encoding.UTF8.GetBytes("{\"free\":12}"), "bench", TimeProvider.System);
        for (var i = 0; i < Subscriptions; i++)
        {
            var filter = i % 2 == 0 ? "sensors/parking/+/occupancy" : "sensors/#";
            _subscriptions.Add(_bus.Subscribe(filter, OnMessage));
        }

        // Unrelated subscriptions a publish must skip: the first-level index should make them free.
        for (var i = 0; i < 100; i++)
        {
            _subscriptions.Add(_bus.Subscribe($"other{i}/+/x", OnMessage));
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync();
        }

        await _bus.DisposeAsync();
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task PublishToHandlers()
    {
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _handled, 0);
        Volatile.Write(ref _target, (long)Batch * Subscriptions);
        for (var i = 0; i < Batch; i++)
        {
            await _bus.PublishAsync(_message, CancellationToken.None);
        }

        await _done.Task;
    }

    private ValueTask OnMessage(HubMessage message, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _handled) == Volatile.Read(ref _target))
        {
            _done.TrySetResult();
        }

        return ValueTask.CompletedTask;
    }
}
