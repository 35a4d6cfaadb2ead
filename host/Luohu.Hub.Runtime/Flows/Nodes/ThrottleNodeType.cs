using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>
/// <c>throttle</c>: lets at most <c>count</c> messages through per <c>periodMs</c> (clock-aligned periods),
/// per key when <c>key</c> is set. Over the limit, <c>drop</c> discards the message and <c>queue-latest</c>
/// keeps only the latest one per key and sends it when the next period starts; both count what they shed
/// (<see cref="NodeState.Dropped"/>). The per-period counts are node state (kept across deploys and restarts).
/// </summary>
internal sealed class ThrottleNodeType : FlowNodeType<ThrottleNodeType.Settings>
{
    public static readonly string[] Modes = ["drop", "queue-latest"];

    public override string Type => "throttle";
    public override string Category => NodeCategory.Logic;
    public override string Title => "Throttle";
    public override string Description => "At most N messages per period (per key); the rest are dropped or only the latest is kept for the next period.";

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        ["periodMs"],
        ("count", SchemaBuilder.Integer("Messages per period", "How many messages pass per period. Default 1.", 1, 1, 1_000_000)),
        ("periodMs", SchemaBuilder.Integer("Period (ms)", "Length of a period, aligned to the clock.", null, 1, 24 * 3600 * 1000)),
        ("key", SchemaBuilder.Text("Key", "Template of the key throttled separately, e.g. {{payload.lot}}; none = one limit for all.")),
        ("mode", SchemaBuilder.Text("Over the limit", "drop: discard and count; queue-latest: keep the latest per key and send it next period.", "drop", Modes)));

    protected override Settings Read(NodeConfig config) => new(
        config.Int("count", 1, 1, 1_000_000),
        config.Int("periodMs", 1000, 1, 24 * 3600 * 1000, required: true),
        config.Template("key"),
        config.Choice("mode", Modes, "drop"));

    protected override FlowNodeRuntime Create(Settings settings, NodeBuildContext context) => new ThrottleRuntime(context, settings);

    internal sealed record Settings(int Count, int PeriodMs, MessageTemplate? Key, string Mode);
}
