using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Plugins.Signals;

/// <summary>The plugin's log messages; event ids are stable so ops can alert on them.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Information,
        Message = "Signal network ready: {Intersections} intersections")]
    public static partial void NetworkReady(ILogger logger, int intersections);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information,
        Message = "Intersection {IntersectionId} holds {PhaseId} until {HeldUntil}: {Reason}")]
    public static partial void PhaseHeld(ILogger logger, string intersectionId, string phaseId, DateTimeOffset heldUntil, string reason);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Information,
        Message = "Intersection {IntersectionId} runs timing plan {PlanId}")]
    public static partial void PlanSelected(ILogger logger, string intersectionId, string planId);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning,
        Message = "{Dropped} signal state changes were dropped because nobody drained them; is the signals.state event source running?")]
    public static partial void ChangesDropped(ILogger logger, int dropped);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Information, Message = "Signal state events started, checking every {TickMilliseconds} ms")]
    public static partial void EventsStarted(ILogger logger, int tickMilliseconds);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Information, Message = "Signal state events stopped")]
    public static partial void EventsStopped(ILogger logger);
}
