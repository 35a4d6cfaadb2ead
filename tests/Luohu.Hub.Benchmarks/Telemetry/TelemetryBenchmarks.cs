using BenchmarkDotNet.Attributes;
using Luohu.Hub.Benchmarks.Flows;
using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Benchmarks.Telemetry;

/// <summary>
/// What metrics and tracing cost on the hot path: the flow of <see cref="FlowBenchmarks.TriggerScriptPublish"/>
/// (trigger → script → publish, one ordered lane) under each of <see cref="TelemetryListeners.Modes"/>. BenchmarkDotNet
/// runs the modes one after another; on a shared machine <see cref="TelemetryCostHarness"/> (rounds interleaving them
/// in one process) is the steadier comparison.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes the bench.
public class TelemetryBenchmarks
#pragma warning restore CA1001
{
    private const int Batch = 2_000;
    private FlowBench _bench = null!;
    private IMessageSubscription _output = null!;
    private TelemetryListeners _listeners = null!;
    private long _seen;
    private long _target;
    private TaskCompletionSource _done = new();

    [Params("off", "metrics", "metrics+traces")]
    public string Telemetry { get; set; } = "off";

    [GlobalSetup]
    public async Task Setup()
    {
        _listeners = new TelemetryListeners(Telemetry);
        _bench = new FlowBench();
        await _bench.DeployAsync("v0");
        _output = _bench.Bus.Subscribe("district/parking/+/status", OnStatus, new SubscriptionOptions { Capacity = 100_000 });
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _output.DisposeAsync();
        await _bench.DisposeAsync();
        _listeners.Dispose();
    }

    /// <summary>Readings of one car park: one topic, so one ordered lane handles them one after another.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task TriggerScriptPublish()
    {
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _target, Interlocked.Read(ref _seen) + Batch);
        for (var i = 0; i < Batch; i++)
        {
            await _bench.Bus.PublishAsync(FlowBench.Reading(i), CancellationToken.None);
        }

        await _done.Task;
    }

    private ValueTask OnStatus(HubMessage message, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _seen) >= Volatile.Read(ref _target))
        {
            _done.TrySetResult();
        }

        return ValueTask.CompletedTask;
    }
}
