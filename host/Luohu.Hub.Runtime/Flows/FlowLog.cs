using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Flows;

/// <summary>Flow runtime log messages; event ids 3000–3199 are the flows'.</summary>
internal static partial class FlowLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Flow '{FlowId}' version {Version} deployed by {Author} ({Action})")]
    public static partial void Deployed(ILogger logger, string flowId, int version, string author, string action);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Flow '{FlowId}' undeployed")]
    public static partial void Undeployed(ILogger logger, string flowId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Flow '{FlowId}' node '{NodeId}' failed on message {MessageId}; sent to {Destination}")]
    public static partial void NodeFailed(ILogger logger, Exception exception, string flowId, string nodeId, string messageId, string destination);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Flow '{FlowId}' node '{NodeId}': the failure of message {MessageId} could not be recorded as a dead letter; the message is lost")]
    public static partial void DeadLetterFailed(ILogger logger, Exception exception, string flowId, string nodeId, string messageId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Flow '{FlowId}' version {Version} could not be started at hub start and is marked as error: {Reason}")]
    public static partial void StartFailed(ILogger logger, Exception exception, string flowId, int version, string reason);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Flow '{FlowId}': writing the state of node '{NodeId}' failed; it is retried at the next flush")]
    public static partial void StateFlushFailed(ILogger logger, Exception exception, string flowId, string nodeId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Flow store was empty: imported and deployed sample flow '{FlowId}' from {File}")]
    public static partial void SampleImported(ILogger logger, string flowId, string file);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Sample flow file {File} could not be imported: {Reason}")]
    public static partial void SampleFailed(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Started {Count} deployed flow(s) ({Failed} failed)")]
    public static partial void FlowsStarted(ILogger logger, int count, int failed);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "Flow '{FlowId}' node '{NodeId}' timer failed; it keeps running")]
    public static partial void TimerFailed(ILogger logger, Exception exception, string flowId, string nodeId);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Dead letter {DeadLetterId} replayed into flow '{FlowId}' node '{NodeId}'")]
    public static partial void Replayed(ILogger logger, string deadLetterId, string flowId, string nodeId);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Imported and published {Count} sample rule workflow(s) into the empty rules library: {Names}")]
    public static partial void RuleSamplesImported(ILogger logger, int count, IEnumerable<string> names);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "A sample rule workflow was not imported: {Reason}")]
    public static partial void RuleSampleFailed(ILogger logger, string reason);
}
