using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Nodes;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Scheduling;

/// <summary>
/// <c>timer.cancel</c>: cancels every pending timer of one key of a <c>timer</c> node of the same flow — the remaining
/// steps of a green wave when the dispatch is called off. <c>timer</c> names the timer node (it needs a <c>keyPath</c>),
/// <c>keyPath</c> where this message holds the key (e.g. <c>payload.dispatchId</c>). The message goes on with
/// <c>msg.cancelled = { timer, key, count }</c>; a key with nothing pending is not an error (count 0).
/// </summary>
internal sealed class TimerCancelNodeType(ILogger<TimerCancelNodeType> logger) : FlowNodeType<TimerCancelNodeType.Settings>
{
    public override string Type => "timer.cancel";
    public override string Category => NodeCategory.Logic;
    public override string Title => "Cancel timers";
    public override string Description => "Cancels all pending timers of one key (e.g. a dispatch id) of a timer node in this flow.";

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        ["timer", "keyPath"],
        ("timer", SchemaBuilder.Text("Timer node", "The id of the timer node whose timers are cancelled; it needs a keyPath.")),
        ("keyPath", SchemaBuilder.Text("Key from message", "A message path holding the key to cancel (text or number), e.g. payload.dispatchId.")));

    protected override Settings Read(NodeConfig config) => new(config.String("timer", required: true), config.MessagePath("keyPath", required: true));

    protected override void Check(Settings settings, NodeValidationContext context)
    {
        if (settings.Timer is not { } id)
        {
            return;
        }

        var target = context.Flow.Nodes?.FirstOrDefault(n => n is not null && n.Id == id);
        if (target is null || target.Type != "timer")
        {
            context.Config.Problem("timer", target is null
                ? $"There is no node '{id}' in this flow; name the timer node whose timers are cancelled."
                : $"Node '{id}' is a '{target.Type}' node, not a timer; name the timer node whose timers are cancelled.");
        }
        else if (target.Config is not { ValueKind: JsonValueKind.Object } config || !config.TryGetProperty("keyPath", out var key) || key.ValueKind != JsonValueKind.String)
        {
            context.Config.Problem("timer", $"Timer node '{id}' has no keyPath, so its timers have no key to cancel by; give it one (e.g. payload.dispatchId).");
        }
    }

    protected override FlowNodeRuntime Create(Settings settings, NodeBuildContext context) => new TimerCancelRuntime(context, settings, logger);

    internal sealed record Settings(string? Timer, MessagePath? KeyPath);
}
