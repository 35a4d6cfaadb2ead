using Luohu.Hub.Plugins.Water.Simulation;
using Luohu.Hub.Sdk.Connectors;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Plugins.Water.Connectors;

/// <summary>
/// <c>water.readings</c>: every tick, each station that is online sends its reading on
/// <c>sensors/water/{station}/{flow|level|turbidity}</c>; a station going offline or coming back says so on
/// <c>sensors/water/{station}/status</c>, and its buffered readings follow in one burst.
/// </summary>
internal sealed class ReadingsEventSource(WaterSimulation simulation, WaterOptions options, TimeProvider time, ILogger<ReadingsEventSource> logger) : IEventSource
{
    public async Task RunAsync(IEventSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        Log.ReadingsStarted(logger, options.TickMilliseconds);
        var interval = TimeSpan.FromMilliseconds(options.TickMilliseconds);
        try
        {
            while (true)
            {
                foreach (var emission in simulation.Tick(time.GetUtcNow()))
                {
                    if (emission.Reading is { } reading)
                    {
                        await sink.EmitAsync(emission.Topic, reading, cancellationToken);
                    }
                    else
                    {
                        await sink.EmitAsync(emission.Topic, emission.Status, cancellationToken);
                    }
                }

                await Task.Delay(interval, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.ReadingsStopped(logger);
        }
    }
}
