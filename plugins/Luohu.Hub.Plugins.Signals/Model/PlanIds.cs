namespace Luohu.Hub.Plugins.Signals.Model;

/// <summary>The timing plans. <see cref="Schedule"/> is not a plan: it hands the choice back to the time of day.</summary>
internal static class PlanIds
{
    public const string Normal = "normal";
    public const string PeakAm = "peak-am";
    public const string PeakPm = "peak-pm";
    public const string Night = "night";
    public const string ElderlyCrossing = "elderly-crossing";
    public const string Schedule = "schedule";
}
