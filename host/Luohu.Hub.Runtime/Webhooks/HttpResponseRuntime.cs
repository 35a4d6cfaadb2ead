using System.Text;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Webhooks;

internal sealed class HttpResponseRuntime(NodeBuildContext context, HttpResponseSettings settings, WebhookReplies replies, ILogger logger)
    : FlowNodeRuntime(context)
{
    private readonly MessageTemplateTree? jsonBody = settings.JsonBody is null ? null : MessageTemplateTree.Compile(settings.JsonBody);

    public override ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken)
    {
        var headers = settings.Headers.ToDictionary(h => h.Key, h => h.Value.Render(message.Body), StringComparer.OrdinalIgnoreCase);
        WebhookResponse response;
        if (settings.TextBody is { } text)
        {
            response = new WebhookResponse(settings.Status, headers, Encoding.UTF8.GetBytes(text.Render(message.Body)), settings.ContentType ?? "text/plain; charset=utf-8");
        }
        else
        {
            var body = jsonBody is { } tree ? tree.Render(message.Body) : message.Payload?.DeepClone();
            response = WebhookResponse.Json(settings.Status, body, headers) with { ContentType = settings.ContentType ?? "application/json" };
        }

        if (!replies.TryAnswer(message.OriginId, response))
        {
            WebhookLog.NoWaitingRequest(logger, Host.FlowId, Host.NodeId, message.OriginId);
        }

        return Host.EmitAsync(0, message, cancellationToken);
    }
}
