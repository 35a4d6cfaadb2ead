using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>Passes bus messages (and injected ones) on to its wires.</summary>
internal class TopicTriggerRuntime(NodeBuildContext context, string topicFilter, SubscriptionOptions options) : FlowNodeRuntime(context), ITriggerRuntime
{
    public string TopicFilter { get; } = topicFilter;

    public SubscriptionOptions SubscriptionOptions { get; } = options;

    public virtual bool Accepts(HubMessage message) => true;

    public override ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken) =>
        Host.EmitAsync(0, message, cancellationToken);
}
