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

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "Parking gateway {Area} connected to {Broker}")]
    public static partial void GatewayConnected(ILogger logger, string area, string broker);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Warning, Message = "Parking gateway {Area}: {Reason}; retried in 5 s, the simulation goes on")]
    public static partial void GatewayFailed(ILogger logger, string area, string reason);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Warning, Message = "Parking gateway {Area}: the broker refused the reading on '{Topic}' ({ReasonCode})")]
    public static partial void GatewayRefused(ILogger logger, string area, string topic, string reasonCode);
}
