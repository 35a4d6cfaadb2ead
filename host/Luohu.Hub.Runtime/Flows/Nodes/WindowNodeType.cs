using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>
/// <c>window</c>: aggregates (count, sum, avg, min, max) a numeric field over
/// <list type="bullet">
/// <item><c>time</c>: a tumbling window of <c>periodMs</c> (clock-aligned), one result per key at each period end;</item>
/// <item><c>count</c>: every <c>size</c> messages per key, emitted as the last one arrives;</item>
/// <item><c>latest</c>: the latest value per key, aggregated across all keys every <c>periodMs</c> (e.g. the free
/// spaces of all car parks: sum of each car park's latest count).</item>
/// </list>
/// The result's payload is <c>{ aggregate, value, count, key, windowEnd }</c>. The accumulators are node state:
/// they carry over deploys that keep the node id and are persisted for restarts.
/// </summary>
internal sealed class WindowNodeType : FlowNodeType<WindowNodeType.Settings>
{
    public static readonly string[] Modes = ["time", "count", "latest"];
    public static readonly string[] Aggregates = ["count", "sum", "avg", "min", "max"];

    public override string Type => "window";
    public override string Category => NodeCategory.Logic;
    public override string Title => "Window";
    public override string Description => "count/sum/avg/min/max over a time or count window per key, or across the latest value of every key each period.";

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        ["mode", "aggregate"],
        ("mode", SchemaBuilder.Text("Window", "time: tumbling period; count: every N messages; latest: latest value per key, aggregated across keys each period.", "time", Modes)),
        ("aggregate", SchemaBuilder.Text("Aggregate", "What to compute.", "count", Aggregates)),
        ("value", SchemaBuilder.Text("Value field", "Message path of the number, e.g. payload.free (not needed for count).")),
        ("key", SchemaBuilder.Text("Key", "Template of the key, e.g. {{payload.lot}}; time/count windows are per key, latest keeps one value per key.")),
        ("periodMs", SchemaBuilder.Integer("Period (ms)", "For time and latest windows.", null, 10, 24 * 3600 * 1000)),
        ("size", SchemaBuilder.Integer("Size", "For count windows: messages per window.", null, 1, 1_000_000)),
        ("topic", SchemaBuilder.Text("Topic", "Topic of the result messages (template); default: window/{flow}/{node}.")));

    protected override Settings Read(NodeConfig config)
    {
        var mode = config.Choice("mode", Modes, "time");
        var aggregate = config.Choice("aggregate", Aggregates, "count");
        var value = config.MessagePath("value", required: aggregate != "count" || mode == "latest");
        var key = config.Template("key");
        if (mode == "latest" && key is null && !config.Has("key"))
        {
            config.Problem("key", "A latest window needs 'key' (e.g. {{payload.lot}}): it keeps the latest value of each key.");
        }

        var period = mode is "time" or "latest" ? config.Int("periodMs", 10_000, 10, 24 * 3600 * 1000, required: true) : 0;
        var size = mode == "count" ? config.Int("size", 10, 1, 1_000_000, required: true) : 0;
        return new Settings(mode, aggregate, value, key, period, size, config.Template("topic"));
    }

    protected override FlowNodeRuntime Create(Settings settings, NodeBuildContext context) => new WindowRuntime(context, settings);

    internal sealed record Settings(string Mode, string Aggregate, MessagePath? Value, MessageTemplate? Key, int PeriodMs, int Size, MessageTemplate? Topic);
}
