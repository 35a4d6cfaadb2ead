using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Flows.Engine;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>A topic trigger that keeps only the events of one event source.</summary>
internal sealed class PluginTriggerRuntime(NodeBuildContext context, string topicFilter, SubscriptionOptions options, string capability)
    : TopicTriggerRuntime(context, topicFilter, options)
{
    private readonly string _suffix = "/" + capability;

    public override bool Accepts(HubMessage message) =>
        message.Source.StartsWith("plugin:", StringComparison.Ordinal) && message.Source.EndsWith(_suffix, StringComparison.Ordinal);
}
