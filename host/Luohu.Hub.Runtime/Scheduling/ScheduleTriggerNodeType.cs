using System.Globalization;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Nodes;
using Microsoft.Extensions.Options;
using Quartz;

namespace Luohu.Hub.Runtime.Scheduling;

/// <summary>
/// <c>trigger.schedule</c>: starts the flow by the clock. Modes: <c>cron</c> (a Quartz cron expression with
/// seconds, e.g. <c>0 0/5 * * * ?</c>, in <c>timeZone</c>, default Asia/Shanghai), <c>interval</c>
/// (<c>intervalSeconds</c> or <c>intervalMs</c>, first fire one interval after the deploy) and <c>once</c>
/// (<c>at</c>, an ISO time; without an offset it is read in <c>timeZone</c>). The message has topic
/// <c>topic</c> (default <c>schedule/{flowId}/{nodeId}</c>) and payload <c>payload</c> (an object, or any JSON
/// under <c>value</c>) plus <c>firedAt</c> and <c>scheduledAt</c>. A deploy that leaves the node's config unchanged
/// keeps its job and its rhythm; a changed config replaces the job.
/// Misfire policy (a fire later than <see cref="SchedulingOptions.MisfireThreshold"/>, e.g. after the hub was
/// down or every job slot was busy): cron fires once now and then follows its schedule (missed fires are merged
/// into one, never replayed in a burst); interval skips to its next slot; once fires now, late, rather than never.
/// </summary>
internal sealed class ScheduleTriggerNodeType(IOptions<SchedulingOptions> options) : FlowNodeType<ScheduleSettings>
{
    public override string Type => "trigger.schedule";
    public override string Category => NodeCategory.Trigger;
    public override string Title => "Schedule";
    public override string Description => "Starts the flow on a cron schedule (with a time zone), at a fixed interval, or once at a time.";
    public override bool IsTrigger => true;

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        ["mode"],
        ("mode", SchemaBuilder.Text("Mode", "cron: a cron expression; interval: every N seconds or ms; once: at one time.", "cron", ScheduleSettings.Modes)),
        ("cron", SchemaBuilder.Text("Cron expression", "Quartz cron with seconds: 'sec min hour day-of-month month day-of-week [year]', e.g. '0 0/5 * * * ?' every five minutes.")),
        ("timeZone", SchemaBuilder.Text("Time zone", "IANA time zone of the cron expression and of an 'at' without offset. Default Asia/Shanghai.")),
        ("intervalSeconds", SchemaBuilder.Integer("Every (seconds)", "Interval mode: seconds between fires.", null, 1, 31 * 24 * 3600)),
        ("intervalMs", SchemaBuilder.Integer("Every (ms)", "Interval mode: milliseconds between fires (instead of intervalSeconds).", null, 10, int.MaxValue)),
        ("at", SchemaBuilder.Text("At", "Once mode: an ISO time, e.g. 2025-10-01T08:00:00+08:00.")),
        ("topic", SchemaBuilder.Text("Topic", "Topic of the message. Default schedule/{flowId}/{nodeId}.")),
        ("payload", SchemaBuilder.Text("Payload", "JSON payload; firedAt and scheduledAt are added.")));

    protected override ScheduleSettings Read(NodeConfig config)
    {
        var mode = config.Choice("mode", ScheduleSettings.Modes, ScheduleSettings.CronMode);
        var zoneId = config.String("timeZone") ?? options.Value.DefaultTimeZone;
        if (!TimeZones.TryFind(zoneId, out var zone))
        {
            config.Problem("timeZone", $"Time zone '{zoneId}' is unknown; use an IANA id such as 'Asia/Shanghai' or 'UTC'.");
        }

        string? cron = null;
        TimeSpan? interval = null;
        DateTimeOffset? at = null;
        switch (mode)
        {
            case ScheduleSettings.CronMode:
                cron = config.String("cron", required: true);
                if (cron is not null && !CronExpression.TryParse(cron, out _))
                {
                    config.Problem("cron", $"'{cron}' is not a valid Quartz cron expression; it needs seconds first, e.g. '0 0/5 * * * ?' (every five minutes) or '0 30 7 ? * MON-FRI' (7:30 on weekdays).");
                }

                break;
            case ScheduleSettings.IntervalMode:
                interval = ReadInterval(config);
                break;
            default:
                at = ReadAt(config, zone);
                break;
        }

        var topic = config.String("topic");
        if (topic is not null && TopicFilter.ValidateTopic(topic) is { } error)
        {
            config.Problem("topic", error);
        }

        return new ScheduleSettings(mode, cron, zone, interval, at, topic, config.Json("payload"));
    }

    protected override FlowNodeRuntime Create(ScheduleSettings settings, NodeBuildContext context) => new ScheduleTriggerRuntime(context, settings);

    private static TimeSpan? ReadInterval(NodeConfig config)
    {
        if (config.Has("intervalSeconds") == config.Has("intervalMs"))
        {
            config.Problem("intervalSeconds", "Interval mode needs exactly one of 'intervalSeconds' and 'intervalMs'.");
            return null;
        }

        return config.Has("intervalMs")
            ? TimeSpan.FromMilliseconds(config.Int("intervalMs", 1000, 10, int.MaxValue))
            : TimeSpan.FromSeconds(config.Int("intervalSeconds", 60, 1, 31 * 24 * 3600));
    }

    private static DateTimeOffset? ReadAt(NodeConfig config, TimeZoneInfo zone)
    {
        var text = config.String("at", required: true);
        if (text is null)
        {
            return null;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var local))
        {
            config.Problem("at", $"'{text}' is not an ISO time; write one like 2025-10-01T08:00:00+08:00.");
            return null;
        }

        return local.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(local, zone.GetUtcOffset(local))
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }
}
