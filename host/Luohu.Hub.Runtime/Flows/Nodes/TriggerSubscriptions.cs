using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Flows.Engine;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>Bus subscription settings of trigger nodes.</summary>
internal static class TriggerSubscriptions
{
    /// <summary>
    /// One consumer per trigger (MaxConcurrency 1): the trigger's messages run through the flow in the order the
    /// bus delivered them. The default policy waits, so a slow flow slows its producers rather than losing messages.
    /// </summary>
    public static SubscriptionOptions Options(NodeHost host, int? capacity, string overflow) => new()
    {
        Name = $"flow:{host.FlowId}/{host.NodeId}",
        Capacity = capacity ?? host.Services.Options.TriggerCapacity,
        MaxConcurrency = 1,
        OverflowPolicy = overflow switch
        {
            "drop-oldest" => OverflowPolicy.DropOldest,
            "drop-newest" => OverflowPolicy.DropNewest,
            _ => OverflowPolicy.Wait,
        },
    };
}
