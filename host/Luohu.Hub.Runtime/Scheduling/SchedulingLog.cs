using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Scheduling;

internal static partial class SchedulingLog
{
    [LoggerMessage(EventId = 4150, Level = LogLevel.Information, Message = "Flow '{FlowId}' schedules synced: {Added} added or replaced, {Kept} kept, {Removed} removed")]
    public static partial void Synced(ILogger logger, string flowId, int added, int kept, int removed);

    [LoggerMessage(EventId = 4151, Level = LogLevel.Information, Message = "Flow '{FlowId}' schedules and timers removed ({Count} jobs)")]
    public static partial void Removed(ILogger logger, string flowId, int count);

    [LoggerMessage(EventId = 4152, Level = LogLevel.Warning, Message = "Flow '{FlowId}' node '{NodeId}': the one-shot time {At} has passed, so the schedule was not set; deploy with a time in the future")]
    public static partial void OnceInPast(ILogger logger, string flowId, string nodeId, DateTimeOffset at);

    [LoggerMessage(EventId = 4153, Level = LogLevel.Debug, Message = "Job {Job} fired but flow '{FlowId}' node '{NodeId}' no longer runs that version; ignored")]
    public static partial void StaleFire(ILogger logger, string job, string flowId, string nodeId);

    [LoggerMessage(EventId = 4155, Level = LogLevel.Debug, Message = "Job {Job} fired but its key was cancelled while it was under way; flow '{FlowId}' node '{NodeId}' sent nothing")]
    public static partial void CancelledFire(ILogger logger, string job, string flowId, string nodeId);

    [LoggerMessage(EventId = 4156, Level = LogLevel.Information, Message = "Flow '{FlowId}' timer node '{NodeId}': {Count} pending timers of key '{Key}' cancelled")]
    public static partial void TimersCancelled(ILogger logger, string flowId, string nodeId, string key, int count);

    [LoggerMessage(EventId = 4154, Level = LogLevel.Error, Message = "Job {Job} of flow '{FlowId}' node '{NodeId}' failed outside the flow")]
    public static partial void FireFailed(ILogger logger, Exception error, string job, string flowId, string nodeId);
}
