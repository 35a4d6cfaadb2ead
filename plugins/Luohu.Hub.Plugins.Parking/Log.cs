using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Plugins.Parking;

/// <summary>The plugin's log messages; event ids are stable so ops can alert on them.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information,
        Message = "Parking simulation ready: {Lots} car parks, {Spaces} spaces, seed {Seed}")]
    public static partial void SimulationReady(ILogger logger, int lots, int spaces, int seed);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information,
        Message = "Occupancy events started, one tick every {TickMilliseconds} ms")]
    public static partial void OccupancyStarted(ILogger logger, int tickMilliseconds);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information,
        Message = "Occupancy events resumed; the previous run last ticked at {LastTick}")]
    public static partial void OccupancyResumed(ILogger logger, string lastTick);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Occupancy events stopped")]
    public static partial void OccupancyStopped(ILogger logger);
}
