using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Benchmarks.Flows;

/// <summary>
/// Throughput of trigger → script (Jint) → publish in process: one operation publishes a batch of readings and
/// waits until the last status message left the flow. And the time a deploy takes to take effect: from the
/// start of the deploy until a message published right after it comes out of the new version.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes the bench.
public class FlowBenchmarks
#pragma warning restore CA1001
{
    private const int Batch = 2_000;
    private FlowBench _bench = null!;
    private IMessageSubscription _output = null!;
    private long _seen;
    private long _target;
    private string _expectVariant = "v0";
    private int _deploys;
    private TaskCompletionSource _done = new();

    [GlobalSetup]
    public async Task Setup()
    {
        _bench = new FlowBench();
        await _bench.DeployAsync("v0");
        _output = _bench.Bus.Subscribe("district/parking/+/status", OnStatus, new SubscriptionOptions { Capacity = 100_000 });
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _output.DisposeAsync();
        await _bench.DisposeAsync();
    }

    /// <summary>Readings of one car park: one topic, so one ordered lane handles them one after another.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public Task TriggerScriptPublish() => StreamAsync(1);

    /// <summary>Readings of the district's 620 car parks in turn: each its own topic, so the trigger's lanes run side by side.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public Task TriggerScriptPublish_620CarParks() => StreamAsync(620);

    private async Task StreamAsync(int carParks)
    {
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _expectVariant = string.Empty;
        Volatile.Write(ref _target, Interlocked.Read(ref _seen) + Batch);
        for (var i = 0; i < Batch; i++)
        {
            await _bench.Bus.PublishAsync(FlowBench.Reading(i, carParks), CancellationToken.None);
        }

        await _done.Task;
    }

    [Benchmark]
    public async Task DeployTakesEffect()
    {
        var variant = $"v{++_deploys}";
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _expectVariant = variant;
        await _bench.DeployAsync(variant);
        await _bench.Bus.PublishAsync(FlowBench.Reading(-1), CancellationToken.None);
        await _done.Task;
    }

    private ValueTask OnStatus(HubMessage message, CancellationToken cancellationToken)
    {
        var seen = Interlocked.Increment(ref _seen);
        if (_expectVariant.Length > 0)
        {
            using var payload = JsonDocument.Parse(message.Payload);
            if (payload.RootElement.GetProperty("variant").GetString() == _expectVariant)
            {
                _done.TrySetResult();
            }
        }
        else if (seen >= Volatile.Read(ref _target))
        {
            _done.TrySetResult();
        }

        return ValueTask.CompletedTask;
    }
}
