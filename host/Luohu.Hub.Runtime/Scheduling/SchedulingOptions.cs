namespace Luohu.Hub.Runtime.Scheduling;

/// <summary>
/// The flow scheduler (<c>Hub:Scheduling</c>). The embedded default keeps jobs in memory: flows are redeployed at
/// every hub start, which schedules their <c>trigger.schedule</c> jobs again, and pending one-shot timers are lost
/// with the process (as delayed messages are). Every job's data is plain text (flow id, node id, signature, the
/// message as JSON), so Quartz's ADO job store (PostgreSQL, clustered) can replace the in-memory store by
/// configuration of the same <c>AddQuartz</c> call without touching the jobs.
/// </summary>
public sealed class SchedulingOptions
{
    /// <summary>The Quartz scheduler's instance name; several hub nodes of one cluster share it. Default <c>luohu-hub</c>.</summary>
    public string SchedulerName { get; set; } = "luohu-hub";

    /// <summary>Jobs (schedule fires and timers) that run at once; more wait for a free slot. Default 10.</summary>
    public int MaxConcurrency { get; set; } = 10;

    /// <summary>
    /// How late a fire may be before it counts as missed and the trigger's misfire policy applies (cron: fire once
    /// now, then follow the schedule; interval: skip to the next slot; once and timers: fire now). Default 60 s.
    /// </summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The time zone of cron schedules that name none. Default <c>Asia/Shanghai</c>.</summary>
    public string DefaultTimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>One-shot timers one <c>timer</c> node may hold pending at once; one more is an error of the node. Default 10000.</summary>
    public int MaxPendingTimersPerNode { get; set; } = 10_000;
}
