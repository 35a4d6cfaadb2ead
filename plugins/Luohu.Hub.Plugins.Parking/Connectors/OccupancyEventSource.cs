using System.Globalization;
using Luohu.Hub.Plugins.Parking.Simulation;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Plugins;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Plugins.Parking.Connectors;

/// <summary>
/// <c>parking.occupancy</c>: ticks the simulation and emits one event per car park whose free count differs
/// from what this run last emitted. The first tick therefore emits every lot, so a dashboard that starts
/// listening with the source has the whole district at once. With <see cref="ParkingOptions.MqttUrl"/> the readings go
/// out as MQTT devices (<see cref="MqttGateways"/>) instead of through the sink; the topics and payloads are the same.
/// </summary>
internal sealed class OccupancyEventSource(
    ParkingSimulation simulation,
    ParkingOptions options,
    TimeProvider time,
    IPluginContext context,
    ILogger<OccupancyEventSource> logger,
    MqttGateways? gateways = null) : IEventSource
{
    internal const string LastTickKey = "occupancy:last-tick";

    // Persisting every tick would turn the state store into a time series; once a minute says enough.
    private const int TicksPerCheckpoint = 60;

    public async Task RunAsync(IEventSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var previous = await context.State.GetAsync(LastTickKey, cancellationToken);
        if (previous is not null)
        {
            Log.OccupancyResumed(logger, previous);
        }

        Log.OccupancyStarted(logger, options.TickMilliseconds);
        var lastEmitted = Enumerable.Repeat(-1, simulation.Lots.Count).ToArray();
        var interval = TimeSpan.FromMilliseconds(options.TickMilliseconds);
        var start = 0;
        try
        {
            for (var tick = 0L; ; tick++)
            {
                var now = time.GetUtcNow();
                simulation.Advance(now);
                start = await EmitChangesAsync(sink, lastEmitted, start, cancellationToken);
                if (tick % TicksPerCheckpoint == 0)
                {
                    await context.State.SetAsync(LastTickKey, now.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
                }

                await Task.Delay(interval, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.OccupancyStopped(logger);
        }
    }

    /// <summary>Emits changed lots, at most <see cref="ParkingOptions.MaxEventsPerTick"/>; returns where the next tick starts.</summary>
    private async Task<int> EmitChangesAsync(IEventSink sink, int[] lastEmitted, int start, CancellationToken cancellationToken)
    {
        // Starting where the last capped tick stopped keeps a low cap fair to the lots at the end of the list.
        var count = lastEmitted.Length;
        var emitted = 0;
        for (var offset = 0; offset < count; offset++)
        {
            var index = (start + offset) % count;
            var state = simulation.GetState(index);
            if (state.Free == lastEmitted[index])
            {
                continue;
            }

            if (emitted == options.MaxEventsPerTick)
            {
                return index;
            }

            if (gateways is not null)
            {
                await gateways.PublishAsync(state, cancellationToken);
            }
            else
            {
                await sink.EmitAsync(OccupancyEvent.TopicOf(state.Lot), OccupancyEvent.From(state), cancellationToken);
            }

            lastEmitted[index] = state.Free;
            emitted++;
        }

        return start;
    }
}
