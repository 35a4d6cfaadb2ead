using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Nodes;
using Luohu.Hub.Runtime.Flows.Scripting;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Scheduling;

/// <summary>
/// <c>timer</c>: a one-shot timer per message at a moment computed from the message, so a fire-engine green wave
/// sets each intersection at its own time. The moment is a delay in seconds (<c>delayPath</c>, e.g.
/// <c>payload.delaySeconds</c>, or <c>delayExpression</c>, JavaScript) or a time (<c>atPath</c> / <c>atExpression</c>:
/// an ISO time or Unix milliseconds). Each message becomes one Quartz job whose fire sends the message on from
/// this node of the flow's live version, with <c>timer.scheduledAt</c> and <c>timer.firedAt</c> added; a time in
/// the past fires at once. A late fire (the hub was busy or down, with a persistent store) still fires: the
/// message carries both times so the flow can tell. Pending timers survive deploys that keep the node, and go
/// when the node or the flow goes. With <c>keyPath</c> (e.g. <c>payload.dispatchId</c>) each timer belongs to its
/// message's key, and a <c>timer.cancel</c> node naming this node cancels every pending timer of a key at once.
/// </summary>
internal sealed class TimerNodeType(FlowScheduler scheduler, TimeProvider time, IOptions<SchedulingOptions> options) : FlowNodeType<TimerSettings>
{
    public const double DefaultMaxDelaySeconds = 7 * 24 * 3600;

    public override string Type => "timer";
    public override string Category => NodeCategory.Logic;
    public override string Title => "Timer";
    public override string Description => "Sends each message on at its own moment: after a delay or at a time computed from the message (one-shot, per message).";

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        [],
        ("delayPath", SchemaBuilder.Text("Delay from message", "A message path holding the delay in seconds, e.g. payload.delaySeconds.")),
        ("delayExpression", SchemaBuilder.Text("Delay expression", "JavaScript expression giving the delay in seconds, e.g. msg.payload.distance / msg.payload.speed.")),
        ("atPath", SchemaBuilder.Text("Time from message", "A message path holding the time (ISO text or Unix ms), e.g. payload.greenAt.")),
        ("atExpression", SchemaBuilder.Text("Time expression", "JavaScript expression giving the time (ISO text or Unix ms).")),
        ("maxDelaySeconds", SchemaBuilder.Integer("Longest delay (s)", "A moment further ahead is an error of the node. Default 604800 (7 days).", (int)DefaultMaxDelaySeconds, 1, 366 * 24 * 3600)),
        ("keyPath", SchemaBuilder.Text("Cancel key", "A message path whose value (text or number) groups this node's timers, e.g. payload.dispatchId; a timer.cancel node cancels all pending timers of one key.")));

    protected override TimerSettings Read(NodeConfig config)
    {
        var settings = new TimerSettings(
            config.MessagePath("delayPath"),
            config.String("delayExpression"),
            config.MessagePath("atPath"),
            config.String("atExpression"),
            config.Int("maxDelaySeconds", (int)DefaultMaxDelaySeconds, 1, 366 * 24 * 3600),
            config.MessagePath("keyPath"));
        var ways = new object?[] { settings.DelayPath, settings.DelayExpression, settings.AtPath, settings.AtExpression }.Count(w => w is not null);
        if (ways != 1 && !config.HasProblems)
        {
            config.Problem(null, $"A timer needs exactly one of 'delayPath', 'delayExpression', 'atPath' and 'atExpression' (it has {ways}).");
        }

        return settings;
    }

    protected override void Check(TimerSettings settings, NodeValidationContext context)
    {
        context.CheckScript(context.Config, "delayExpression", settings.DelayExpression, FlowScriptKind.Expression);
        context.CheckScript(context.Config, "atExpression", settings.AtExpression, FlowScriptKind.Expression);
    }

    protected override FlowNodeRuntime Create(TimerSettings settings, NodeBuildContext context) =>
        new TimerRuntime(context, settings, scheduler, time, options.Value.MaxPendingTimersPerNode);
}
