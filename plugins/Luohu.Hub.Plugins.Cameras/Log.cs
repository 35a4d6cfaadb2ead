using Luohu.Hub.Sdk.Families;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Plugins.Cameras;

/// <summary>The plugin's log messages; event ids are stable so ops can alert on them.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2501, Level = LogLevel.Information,
        Message = "Camera simulation ready: {Cameras} cameras in {Groups} device groups, seed {Seed}, {Rate} detections per camera per minute")]
    public static partial void SimulationReady(ILogger logger, int cameras, int groups, int seed, double rate);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Information, Message = "Scene staged at camera {CameraId}: {Kind}")]
    public static partial void SceneStaged(ILogger logger, string cameraId, CameraEventKind kind);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Information, Message = "Camera detections started, every {TickMilliseconds} ms")]
    public static partial void DetectionsStarted(ILogger logger, int tickMilliseconds);

    [LoggerMessage(EventId = 2504, Level = LogLevel.Information, Message = "Camera detections stopped")]
    public static partial void DetectionsStopped(ILogger logger);
}
