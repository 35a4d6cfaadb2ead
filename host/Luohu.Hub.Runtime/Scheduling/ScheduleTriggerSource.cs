using Luohu.Hub.Runtime.Flows.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Luohu.Hub.Runtime.Scheduling;

/// <summary>
/// Keeps a flow's Quartz jobs in line with its running version: a schedule whose signature (type + config) is
/// unchanged keeps its job and next fire time; a changed one is replaced in one store call; one that is gone is
/// deleted, and so are pending timers of timer nodes that are gone. Runs after the snapshot swap, and every fire
/// checks the live signature, so at no moment can two versions of one schedule both fire.
/// </summary>
internal sealed class ScheduleTriggerSource(
    FlowScheduler scheduler, TimeProvider time, IOptions<SchedulingOptions> options, ILogger<ScheduleTriggerSource> logger) : IFlowTriggerSource
{
    public async ValueTask SyncAsync(RunningFlow flow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var snapshot = flow.Current;
        var quartz = await scheduler.GetAsync(cancellationToken);
        var existing = await scheduler.JobKeysAsync(flow.FlowId, cancellationToken);
        var wanted = snapshot.Nodes
            .Where(n => !n.Node.Disabled && n.Runtime is ScheduleTriggerRuntime)
            .ToDictionary(n => FlowJobKeys.Schedule(flow.FlowId, n.Node.Id));
        var timerNodes = snapshot.Nodes
            .Where(n => n.Runtime is TimerRuntime)
            .Select(n => n.Node.Id)
            .ToHashSet(StringComparer.Ordinal);

        var stale = existing
            .Where(k => k.Name.StartsWith(FlowJobKeys.SchedulePrefix, StringComparison.Ordinal)
                ? !wanted.ContainsKey(k)
                : FlowJobKeys.TimerNodeOf(k) is not { } node || !timerNodes.Contains(node))
            .ToList();
        int added = 0, kept = 0;
        foreach (var (key, node) in wanted)
        {
            if (existing.Contains(key)
                && await quartz.GetJobDetail(key, cancellationToken) is { } detail
                && detail.JobDataMap.GetString(FlowJobKeys.Signature) == node.TriggerSignature)
            {
                kept++;
                continue;
            }

            if (await ScheduleAsync(quartz, flow.FlowId, key, node, cancellationToken))
            {
                added++;
            }
            else if (existing.Contains(key))
            {
                stale.Add(key);
            }
        }

        if (stale.Count > 0)
        {
            await quartz.DeleteJobs(stale, cancellationToken);
        }

        SchedulingLog.Synced(logger, flow.FlowId, added, kept, stale.Count);
    }

    public async ValueTask RemoveAsync(string flowId, CancellationToken cancellationToken)
    {
        var keys = await scheduler.JobKeysAsync(flowId, cancellationToken);
        if (keys.Count > 0)
        {
            var quartz = await scheduler.GetAsync(cancellationToken);
            await quartz.DeleteJobs(keys, cancellationToken);
            SchedulingLog.Removed(logger, flowId, keys.Count);
        }
    }

    private async ValueTask<bool> ScheduleAsync(IScheduler quartz, string flowId, JobKey key, CompiledNode node, CancellationToken cancellationToken)
    {
        var settings = ((ScheduleTriggerRuntime)node.Runtime).Settings;
        var job = JobBuilder.Create<ScheduleFireJob>()
            .WithIdentity(key)
            .UsingJobData(FlowJobKeys.FlowId, flowId)
            .UsingJobData(FlowJobKeys.NodeId, node.Node.Id)
            .UsingJobData(FlowJobKeys.Signature, node.TriggerSignature!)
            .Build();
        var trigger = TriggerBuilder.Create(time).WithIdentity(new TriggerKey(key.Name, key.Group)).ForJob(key);
        switch (settings.Mode)
        {
            case ScheduleSettings.CronMode:
                trigger = trigger.StartNow().WithCronSchedule(settings.Cron!, cron => cron
                    .InTimeZone(settings.TimeZone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));
                break;
            case ScheduleSettings.IntervalMode:
                trigger = trigger.StartAt(time.GetUtcNow() + settings.Interval!.Value).WithSimpleSchedule(simple => simple
                    .WithInterval(settings.Interval.Value)
                    .RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount));
                break;
            default:
                var at = settings.At!.Value;
                if (at <= time.GetUtcNow() - options.Value.MisfireThreshold)
                {
                    SchedulingLog.OnceInPast(logger, flowId, node.Node.Id, at);
                    return false;
                }

                trigger = trigger.StartAt(at).WithSimpleSchedule(simple => simple
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow));
                break;
        }

        await quartz.ScheduleJob(job, trigger.Build(), ScheduleJobOptions.Replacing, cancellationToken);
        return true;
    }
}
