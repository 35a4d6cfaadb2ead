using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Webhooks;

internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Flow '{FlowId}' webhook routes: {Routes}")]
    public static partial void RoutesSynced(ILogger logger, string flowId, string routes);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Flow '{FlowId}' node '{NodeId}' claims /hooks/{Route}, which flow '{OwnerId}' already serves; the route stays with '{OwnerId}'")]
    public static partial void RouteConflict(ILogger logger, string flowId, string nodeId, string route, string ownerId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Webhook /hooks/{Route} refused with {Status}: {Reason}")]
    public static partial void Refused(ILogger logger, string route, int status, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Flow '{FlowId}' node '{NodeId}': http.response for message {OriginId} found no waiting request (answered, timed out, or not a webhook)")]
    public static partial void NoWaitingRequest(ILogger logger, string flowId, string nodeId, string originId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Flow '{FlowId}' webhook routes removed")]
    public static partial void RoutesRemoved(ILogger logger, string flowId);
}
