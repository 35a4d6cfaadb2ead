using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.Scheduling;

/// <summary>A <c>trigger.schedule</c> node's config, read and checked.</summary>
internal sealed record ScheduleSettings(string Mode, string? Cron, TimeZoneInfo TimeZone, TimeSpan? Interval, DateTimeOffset? At, string? Topic, JsonNode? Payload)
{
    public const string CronMode = "cron";
    public const string IntervalMode = "interval";
    public const string OnceMode = "once";

    public static readonly string[] Modes = [CronMode, IntervalMode, OnceMode];
}
