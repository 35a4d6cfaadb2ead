using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Bus;

/// <summary>Bus log messages; event ids 2000–2099 are the bus's.</summary>
internal static partial class BusLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning,
        Message = "Subscription '{Subscription}' failed to handle message {MessageId} on '{Topic}'; the subscription goes on with the next message")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string subscription, string messageId, string topic);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug,
        Message = "Subscription '{Subscription}' added on '{Filter}' (capacity {Capacity}, policy {Policy}, concurrency {MaxConcurrency})")]
    public static partial void SubscriptionAdded(ILogger logger, string subscription, string filter, int capacity, OverflowPolicy policy, int maxConcurrency);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Subscription '{Subscription}' removed after draining")]
    public static partial void SubscriptionRemoved(ILogger logger, string subscription);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning,
        Message = "Subscription '{Subscription}' did not drain within {Timeout}; its handler was cancelled and {Discarded} queued message(s) were discarded")]
    public static partial void DrainTimedOut(ILogger logger, string subscription, TimeSpan timeout, long discarded);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning,
        Message = "Subscription '{Subscription}' is full (capacity {Capacity}) and sheds messages by its {Policy} policy; see its Dropped/Rejected counters. Logged once per subscription")]
    public static partial void Overflowing(ILogger logger, string subscription, int capacity, OverflowPolicy policy);
}
