using Luohu.Hub.Plugins.Signals.Model;

namespace Luohu.Hub.Plugins.Signals.Simulation;

/// <summary>The time-of-day plan an intersection runs unless someone picked one with <c>signal.run-plan</c>.</summary>
internal static class PlanSchedule
{
    public static string PlanAt(DateTimeOffset instant)
    {
        var local = DistrictTime.ToLocal(instant);
        var hour = local.TimeOfDay.TotalHours;
        var weekday = local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        return hour switch
        {
            >= 23 or < 6 => PlanIds.Night,
            >= 7 and < 9.5 when weekday => PlanIds.PeakAm,
            >= 17 and < 19.5 when weekday => PlanIds.PeakPm,
            _ => PlanIds.Normal,
        };
    }
}
