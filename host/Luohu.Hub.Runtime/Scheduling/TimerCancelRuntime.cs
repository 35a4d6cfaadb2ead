using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Scheduling;

/// <summary>Cancels the key of each message at the named timer node of the same snapshot, then passes the message on with <c>msg.cancelled</c>.</summary>
internal sealed class TimerCancelRuntime(NodeBuildContext context, TimerCancelNodeType.Settings settings, ILogger logger) : FlowNodeRuntime(context)
{
    public override async ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken)
    {
        if (Host.RuntimeOf(settings.Timer!) is not TimerRuntime timer)
        {
            throw new InvalidOperationException($"Node '{Host.NodeId}': timer node '{settings.Timer}' is not running (disabled?); nothing was cancelled.");
        }

        var key = timer.KeyOf(settings.KeyPath!, message);
        var count = await timer.CancelAsync(key, cancellationToken);
        SchedulingLog.TimersCancelled(logger, Host.FlowId, settings.Timer!, key, count);
        message.Body["cancelled"] = new JsonObject { ["timer"] = settings.Timer, ["key"] = key, ["count"] = count };
        await Host.EmitAsync(0, message, cancellationToken);
    }
}
