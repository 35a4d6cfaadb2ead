using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Webhooks;

/// <summary>A webhook trigger of one snapshot: passes the request's message (or an injected one) on.</summary>
internal sealed class WebhookTriggerRuntime(NodeBuildContext context, WebhookSettings settings) : FlowNodeRuntime(context)
{
    public WebhookSettings Settings { get; } = settings;

    public override ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken) =>
        Host.EmitAsync(0, message, cancellationToken);
}
