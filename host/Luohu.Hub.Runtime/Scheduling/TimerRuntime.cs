using System.Globalization;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Scripting;
using Quartz;

namespace Luohu.Hub.Runtime.Scheduling;

/// <summary>
/// Schedules one Quartz job per message; <see cref="TimerFireJob"/> hands the message back to <see cref="FireAsync"/>.
/// With a <c>keyPath</c> the job is named by the message's key, and <see cref="CancelAsync"/> (a <c>timer.cancel</c>
/// node) removes every pending timer of a key; <see cref="TimerLedger"/> keeps the Pending count exact either way.
/// </summary>
internal sealed class TimerRuntime(NodeBuildContext context, TimerSettings settings, FlowScheduler scheduler, TimeProvider time, int maxPending)
    : FlowNodeRuntime(context)
{
    private readonly TimerLedger _ledger = TimerLedger.Of(context.Host.State);

    private readonly FlowScript? _delayExpression = settings.DelayExpression is null ? null : context.Host.Services.Scripting.Compile(settings.DelayExpression, FlowScriptKind.Expression);
    private readonly FlowScript? _atExpression = settings.AtExpression is null ? null : context.Host.Services.Scripting.Compile(settings.AtExpression, FlowScriptKind.Expression);

    public override async ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = settings.KeyPath is { } keyPath ? KeyOf(keyPath, message) : null;
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

        var jobKey = FlowJobKeys.Timer(Host.FlowId, Host.NodeId, message.Id, key);
        var sequence = _ledger.Add(Host.State, jobKey.Name, key);
        try
        {
            var job = JobBuilder.Create<TimerFireJob>()
                .WithIdentity(jobKey)
                .UsingJobData(FlowJobKeys.FlowId, Host.FlowId)
                .UsingJobData(FlowJobKeys.NodeId, Host.NodeId)
                .UsingJobData(FlowJobKeys.OriginId, message.OriginId)
                .UsingJobData(FlowJobKeys.Message, message.Body.ToJsonString())
                .UsingJobData(FlowJobKeys.Sequence, sequence.ToString(CultureInfo.InvariantCulture))
                .Build();
            if (key is not null)
            {
                job.JobDataMap[FlowJobKeys.Key] = key;
            }

            var trigger = TriggerBuilder.Create(time)
                .WithIdentity(new TriggerKey(jobKey.Name, jobKey.Group))
                .ForJob(jobKey)
                .StartAt(at)
                .WithSimpleSchedule(simple => simple.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            var quartz = await scheduler.GetAsync(cancellationToken);
            await quartz.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
        }
        catch
        {
            _ledger.Remove(Host.State, jobKey.Name);
            throw;
        }
    }

    /// <summary>
    /// A timer of this node fired: the message goes on along this snapshot's wires, unless its key was cancelled after it
    /// was scheduled (the fire was already under way). Answers whether it was sent.
    /// </summary>
    public async ValueTask<bool> FireAsync(
        FlowMessage message, string jobName, string? key, long sequence, DateTimeOffset scheduledAt, DateTimeOffset firedAt, CancellationToken cancellationToken)
    {
        if (!_ledger.Fire(Host.State, jobName, key, sequence))
        {
            return false;
        }

        message.Body["timer"] = new JsonObject
        {
            ["scheduledAt"] = scheduledAt.ToUniversalTime().ToString("O"),
            ["firedAt"] = firedAt.ToUniversalTime().ToString("O"),
        };
        if (key is not null)
        {
            message.Body["timer"]!["key"] = key;
        }

        await Host.EmitAsync(0, message, cancellationToken);
        return true;
    }

    /// <summary>
    /// Cancels every pending timer of <paramref name="key"/>: none of them fires, Pending drops by this hub's share, and
    /// their jobs leave the scheduler (also those another hub or an earlier run scheduled). Answers how many were removed.
    /// </summary>
    public async ValueTask<int> CancelAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var mine = _ledger.Cancel(Host.State, key, time.GetUtcNow(), TimeSpan.FromSeconds(settings.MaxDelaySeconds) + TimeSpan.FromHours(1));

        // A timer of the key scheduled after the cancellation is in the ledger again (and not in mine): it stays. One
        // whose fire is under way and has counted itself out already fired: it is neither cancelled nor counted.
        var quartz = await scheduler.GetAsync(cancellationToken);
        var running = await quartz.QueryFireInstances(new FireInstanceQuery { TriggerGroup = GroupMatcher<TriggerKey>.GroupEquals(FlowJobKeys.Group(Host.FlowId)) }, cancellationToken);
        var firing = running.Items.Select(f => f.JobKey).ToHashSet();
        var jobs = (await scheduler.JobKeysAsync(Host.FlowId, cancellationToken))
            .Where(k => FlowJobKeys.TimerNodeOf(k) == Host.NodeId && FlowJobKeys.TimerKeyOf(k) == key
                        && (mine.Contains(k.Name) || (!firing.Contains(k) && !_ledger.Holds(Host.State, k.Name))))
            .ToList();
        if (jobs.Count > 0)
        {
            await quartz.DeleteJobs(jobs, cancellationToken);
        }

        return Math.Max(jobs.Count, mine.Count);
    }

    /// <summary>The key of a message: text or a number, as text.</summary>
    internal string KeyOf(MessagePath path, FlowMessage message) => path.Get(message.Body) switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) && text.Length > 0 => text,
        JsonValue value when JsonNumber.TryGet(value, out var number) => number.ToString(CultureInfo.InvariantCulture),
        var other => throw new InvalidOperationException(
            $"Node '{Host.NodeId}': the timer key {path.Text} is {other?.ToJsonString() ?? "missing"}, not a text or a number. Set it on the message (e.g. the dispatch id) or check keyPath."),
    };

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
