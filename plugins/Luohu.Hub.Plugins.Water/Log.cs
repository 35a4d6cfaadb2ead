using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Plugins.Water;

/// <summary>The plugin's log messages; event ids are stable so ops can alert on them.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2301, Level = LogLevel.Information,
        Message = "Water simulation ready: {Stations} stations, seed {Seed}, hydrology at {TimeScale}x the clock")]
    public static partial void SimulationReady(ILogger logger, int stations, int seed, double timeScale);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information,
        Message = "Rain {StormId}: peak {PeakMmPerHour:0.#} mm/h for {Minutes:0} min over {Area}")]
    public static partial void RainStarted(ILogger logger, string stormId, double peakMmPerHour, double minutes, string area);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Information, Message = "Water readings started, every {TickMilliseconds} ms")]
    public static partial void ReadingsStarted(ILogger logger, int tickMilliseconds);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Information, Message = "Water readings stopped")]
    public static partial void ReadingsStopped(ILogger logger);
}
