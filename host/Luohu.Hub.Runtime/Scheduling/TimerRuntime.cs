using System.Globalization;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Scripting;
using Quartz;

namespace Luohu.Hub.Runtime.Scheduling;

/// <summary>Schedules one Quartz job per message; <see cref="TimerFireJob"/> hands the message back to <see cref="FireAsync"/>.</summary>
internal sealed class TimerRuntime(NodeBuildContext context, TimerSettings settings, FlowScheduler scheduler, TimeProvider time, int maxPending)
    : FlowNodeRuntime(context)
{
    private readonly FlowScript? _delayExpression = settings.DelayExpression is null ? null : context.Host.Services.Scripting.Compile(settings.DelayExpression, FlowScriptKind.Expression);
    private readonly FlowScript? _atExpression = settings.AtExpression is null ? null : context.Host.Services.Scripting.Compile(settings.AtExpression, FlowScriptKind.Expression);

    public override async ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var at = MomentOf(message, now, cancellationToken);
        if (at - now > TimeSpan.FromSeconds(settings.MaxDelaySeconds))
        {
            throw new InvalidOperationException(
                $"Timer node '{Host.NodeId}': the moment {at:O} is more than maxDelaySeconds ({settings.MaxDelaySeconds}) ahead. Check the message's value or raise maxDelaySeconds.");
        }

        if (Interlocked.Increment(ref Host.State.Pending) > maxPending)
        {
            Interlocked.Decrement(ref Host.State.Pending);
            Interlocked.Increment(ref Host.State.Dropped);
            throw new InvalidOperationException(
                $"Timer node '{Host.NodeId}' already holds {maxPending} pending timers (Hub:Scheduling:MaxPendingTimersPerNode); this message was not scheduled.");
        }

        try
        {
            var key = FlowJobKeys.Timer(Host.FlowId, Host.NodeId, message.Id);
            var job = JobBuilder.Create<TimerFireJob>()
                .WithIdentity(key)
                .UsingJobData(FlowJobKeys.FlowId, Host.FlowId)
                .UsingJobData(FlowJobKeys.NodeId, Host.NodeId)
                .UsingJobData(FlowJobKeys.OriginId, message.OriginId)
                .UsingJobData(FlowJobKeys.Message, message.Body.ToJsonString())
                .Build();
            var trigger = TriggerBuilder.Create(time)
                .WithIdentity(new TriggerKey(key.Name, key.Group))
                .ForJob(key)
                .StartAt(at)
                .WithSimpleSchedule(simple => simple.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            var quartz = await scheduler.GetAsync(cancellationToken);
            await quartz.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
        }
        catch
        {
            Interlocked.Decrement(ref Host.State.Pending);
            throw;
        }
    }

    /// <summary>A timer of this node fired: the message goes on along this snapshot's wires.</summary>
    public ValueTask FireAsync(FlowMessage message, DateTimeOffset scheduledAt, DateTimeOffset firedAt, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref Host.State.Pending);
        message.Body["timer"] = new JsonObject
        {
            ["scheduledAt"] = scheduledAt.ToUniversalTime().ToString("O"),
            ["firedAt"] = firedAt.ToUniversalTime().ToString("O"),
        };
        return Host.EmitAsync(0, message, cancellationToken);
    }

    private DateTimeOffset MomentOf(FlowMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (settings.DelayPath is not null || settings.DelayExpression is not null)
        {
            var value = settings.DelayPath is { } path ? path.Get(message.Body) : Run(_delayExpression!, message.Body, cancellationToken);
            if (!JsonNumber.TryGet(value, out var seconds) || double.IsNaN(seconds) || double.IsInfinity(seconds))
            {
                throw new InvalidOperationException(
                    $"Timer node '{Host.NodeId}': the delay {(settings.DelayPath?.Text ?? settings.DelayExpression)} is {value?.ToJsonString() ?? "missing"}, not a number of seconds.");
            }

            return now + TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        var moment = settings.AtPath is { } atPath ? atPath.Get(message.Body) : Run(_atExpression!, message.Body, cancellationToken);
        if (JsonNumber.TryGet(moment, out var unixMs) && moment is JsonValue number && !number.TryGetValue<string>(out _))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)unixMs);
        }

        if (moment is JsonValue text && text.TryGetValue<string>(out var iso)
            && DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        throw new InvalidOperationException(
            $"Timer node '{Host.NodeId}': the time {(settings.AtPath?.Text ?? settings.AtExpression)} is {moment?.ToJsonString() ?? "missing"}, not an ISO time or Unix milliseconds.");
    }
}
