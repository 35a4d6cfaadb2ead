using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Flows.Engine;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>Bus subscription settings of trigger nodes.</summary>
internal static class TriggerSubscriptions
{
    /// <summary>What a trigger's <c>orderBy</c> may say (besides <c>payload.&lt;field&gt;</c>).</summary>
    public static readonly string[] OrderChoices = ["topic", "flow"];

    /// <summary>
    /// Messages with the same order key run through the flow one after another in the order the bus delivered them;
    /// different keys run side by side on <paramref name="concurrency"/> lanes. <c>orderBy</c> is <c>topic</c>
    /// (default: one car park's readings stay in order), <c>flow</c> (all of the trigger's messages in one order, one
    /// at a time) or <c>payload.&lt;field&gt;</c>. The default policy waits, so a slow flow slows its producers
    /// rather than losing messages.
    /// </summary>
    public static SubscriptionOptions Options(NodeHost host, int? capacity, string overflow, string? orderBy = null, int? concurrency = null)
    {
        var order = orderBy ?? "topic";
        var lanes = order == "flow" ? 1 : concurrency ?? host.Services.Options.TriggerConcurrency;
        return new()
        {
            Name = $"flow:{host.FlowId}/{host.NodeId}",
            Capacity = capacity ?? host.Services.Options.TriggerCapacity,
            MaxConcurrency = lanes,
            OrderKey = order switch
            {
                "flow" => null,
                "topic" => OrderKeys.Topic,
                _ when CheckOrderBy(order) is null => OrderKeys.PayloadField(order["payload.".Length..]),
                _ => OrderKeys.Topic,
            },
            OverflowPolicy = overflow switch
            {
                "drop-oldest" => OverflowPolicy.DropOldest,
                "drop-newest" => OverflowPolicy.DropNewest,
                _ => OverflowPolicy.Wait,
            },
        };
    }

    /// <summary>Null when <paramref name="orderBy"/> is valid, else what to write instead.</summary>
    public static string? CheckOrderBy(string orderBy) =>
        OrderChoices.Contains(orderBy, StringComparer.Ordinal)
        || (orderBy.StartsWith("payload.", StringComparison.Ordinal) && orderBy.Length > "payload.".Length && !orderBy.Split('.').Skip(1).Any(string.IsNullOrWhiteSpace))
            ? null
            : $"orderBy '{orderBy}' is not known; write 'topic' (default), 'flow' (one order for every message of the trigger) or 'payload.<field>', e.g. 'payload.lot'.";
}
