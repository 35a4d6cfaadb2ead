using System.Text.Json;
using Luohu.Hub.Plugins.Cameras.Simulation;
using Luohu.Hub.Sdk.Connectors;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Plugins.Cameras.Connectors;

/// <summary>
/// <c>cameras.detections</c>: every tick, what each online camera detected, on <c>cameras/{deviceGroup}/{cameraId}/{kind}</c>
/// (<c>face</c>, <c>person</c>, <c>plate</c>, <c>honking</c>) as a <see cref="Sdk.Families.CameraEvent"/> with its
/// snapshot reference; a camera going offline or coming back says so on <c>cameras/{deviceGroup}/{cameraId}/status</c>.
/// A staged scene does not wait for the tick.
/// </summary>
internal sealed class DetectionsEventSource(CameraSimulation simulation, CamerasOptions options, TimeProvider time, ILogger<DetectionsEventSource> logger) : IEventSource
{
    public async Task RunAsync(IEventSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        Log.DetectionsStarted(logger, options.TickMilliseconds);
        var interval = TimeSpan.FromMilliseconds(options.TickMilliseconds);
        try
        {
            while (true)
            {
                foreach (var emission in simulation.Tick(time.GetUtcNow()))
                {
                    var payload = emission.Event is { } detection
                        ? JsonSerializer.SerializeToUtf8Bytes(detection, CameraJson.Options)
                        : JsonSerializer.SerializeToUtf8Bytes(emission.Status, CameraJson.Options);
                    await sink.EmitAsync(emission.Topic, payload, cancellationToken);
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var tick = Task.Delay(interval, time, wait.Token);
                await Task.WhenAny(tick, simulation.SceneStaged);
                await wait.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.DetectionsStopped(logger);
        }
    }
}
