using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Outbox;

internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 5801, Level = LogLevel.Information, Message = "Outbox: resuming {Count} pending call(s)")]
    public static partial void Resuming(ILogger logger, int count);

    [LoggerMessage(EventId = 5802, Level = LogLevel.Warning, Message = "Outbox entry {Key} ({Capability}, flow {FlowId} v{Version} node {NodeId}) did not complete, attempt {Attempt}: {Error}")]
    public static partial void AttemptFailed(ILogger logger, string key, string capability, string flowId, int version, string nodeId, int attempt, string error);

    [LoggerMessage(EventId = 5803, Level = LogLevel.Error, Message = "Outbox entry {Key} ({Capability}) failed and waits for ops: {Error}")]
    public static partial void EntryFailed(ILogger logger, string key, string capability, string error);

    [LoggerMessage(EventId = 5804, Level = LogLevel.Error, Message = "Outbox sweep failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
