using System.Globalization;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Luohu.Hub.Runtime.Scheduling;

/// <summary>
/// A timer's fire: hands the stored message to the timer node of the flow's live version. A node that is gone or
/// no longer a timer drops it (its jobs are deleted at that deploy; this covers the fire already under way), and so
/// does a timer whose key was cancelled while its fire was under way.
/// </summary>
internal sealed class TimerFireJob(FlowEngine engine, ILogger<TimerFireJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var flowId = data.GetString(FlowJobKeys.FlowId)!;
        var nodeId = data.GetString(FlowJobKeys.NodeId)!;
        var snapshot = engine.Find(flowId)?.Current;
        if (snapshot is null
            || !snapshot.TryGetNode(nodeId, out var index)
            || snapshot[index].Node.Disabled
            || snapshot[index].Runtime is not TimerRuntime timer
            || JsonNode.Parse(data.GetString(FlowJobKeys.Message) ?? "null") is not JsonObject body)
        {
            SchedulingLog.StaleFire(logger, context.JobDetail.Key.Name, flowId, nodeId);
            return;
        }

        var message = new FlowMessage(FlowMessage.NewId(), data.GetString(FlowJobKeys.OriginId) ?? FlowMessage.NewId(), body);
        try
        {
            var sequence = long.TryParse(data.GetString(FlowJobKeys.Sequence), NumberStyles.Integer, CultureInfo.InvariantCulture, out var scheduledUnder) ? scheduledUnder : 0;
            if (!await timer.FireAsync(
                    message, context.JobDetail.Key.Name, data.GetString(FlowJobKeys.Key), sequence,
                    context.ScheduledFireTimeUtc ?? context.FireTimeUtc, context.FireTimeUtc, snapshot.Stopping))
            {
                SchedulingLog.CancelledFire(logger, context.JobDetail.Key.Name, flowId, nodeId);
            }
        }
        catch (OperationCanceledException) when (snapshot.Stopping.IsCancellationRequested)
        {
            // The flow was undeployed during the fire.
        }
    }
}
