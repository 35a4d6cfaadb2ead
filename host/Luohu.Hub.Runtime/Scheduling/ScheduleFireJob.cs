using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Telemetry;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Luohu.Hub.Runtime.Scheduling;

/// <summary>
/// A schedule trigger's fire: runs the flow's live snapshot from the node, but only when that node still has the
/// signature the job was made for, so a job replaced by a deploy cannot fire the new version twice or the old one
/// late. One fire of a schedule at a time (a slow flow delays its next fire rather than piling fires up).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ScheduleFireJob(FlowEngine engine, ILogger<ScheduleFireJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var flowId = data.GetString(FlowJobKeys.FlowId)!;
        var nodeId = data.GetString(FlowJobKeys.NodeId)!;
        var signature = data.GetString(FlowJobKeys.Signature);
        var snapshot = engine.Find(flowId)?.Current;
        if (snapshot is null
            || !snapshot.TryGetNode(nodeId, out var index)
            || snapshot[index].Node.Disabled
            || snapshot[index].TriggerSignature != signature
            || snapshot[index].Runtime is not ScheduleTriggerRuntime trigger)
        {
            SchedulingLog.StaleFire(logger, context.JobDetail.Key.Name, flowId, nodeId);
            return;
        }

        var message = trigger.CreateMessage(FlowMessage.NewId(), context.FireTimeUtc, context.ScheduledFireTimeUtc);
        engine.Metrics.ScheduleFires.Add(1, new(HubTelemetry.FlowTag, flowId), new(HubTelemetry.NodeTag, nodeId));
        try
        {
            await snapshot.ArriveAsync(index, message, headers: null, snapshot.Stopping);
        }
        catch (OperationCanceledException) when (snapshot.Stopping.IsCancellationRequested)
        {
            // The flow was undeployed during the fire.
        }
    }
}
