using Luohu.Hub.Plugins.Signals.Simulation;
using Luohu.Hub.Sdk.Connectors;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Plugins.Signals.Connectors;

/// <summary><c>signals.state</c>: one event per phase, plan or mode change on <c>signals/{intersectionId}/state</c>.</summary>
internal sealed class SignalStateEventSource(
    SignalNetwork network,
    SignalsOptions options,
    TimeProvider time,
    ILogger<SignalStateEventSource> logger) : IEventSource
{
    public async Task RunAsync(IEventSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        Log.EventsStarted(logger, options.TickMilliseconds);
        var interval = TimeSpan.FromMilliseconds(options.TickMilliseconds);
        try
        {
            while (true)
            {
                foreach (var change in network.Advance(time.GetUtcNow()))
                {
                    await sink.EmitAsync(PhaseChange.TopicOf(change.Intersection), change, cancellationToken);
                }

                await Task.Delay(interval, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.EventsStopped(logger);
        }
    }
}
