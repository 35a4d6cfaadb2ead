using Luohu.Hub.Plugins.Parking.Model;

namespace Luohu.Hub.Plugins.Parking.Simulation;

/// <summary>
/// The share of spaces taken at each hour of a weekday and of a weekend day, per kind of car park.
/// Hand-drawn from the shape of typical city parking surveys: offices fill 08–09 and empty after 18,
/// homes are their inverse, malls peak 19–21 and more so at weekends, hospitals in the morning clinic
/// hours, transit hubs at both rush hours.
/// </summary>
internal static class OccupancyCurves
{
    private static readonly Dictionary<string, (double[] Weekday, double[] Weekend)> Curves = new()
    {
        [CarParkKinds.Office] = (
            [.08, .07, .07, .07, .07, .08, .12, .35, .72, .90, .93, .92, .86, .90, .92, .92, .90, .82, .60, .35, .20, .14, .10, .09],
            [.06, .06, .06, .06, .06, .06, .07, .10, .15, .20, .24, .25, .25, .25, .24, .22, .20, .16, .12, .10, .08, .07, .07, .06]),
        [CarParkKinds.Shopping] = (
            [.12, .08, .06, .05, .05, .05, .06, .10, .18, .30, .42, .55, .62, .60, .58, .60, .66, .74, .82, .88, .90, .80, .55, .28],
            [.18, .10, .07, .06, .05, .05, .06, .10, .20, .40, .62, .80, .88, .90, .90, .90, .92, .94, .96, .98, .98, .90, .65, .35]),
        [CarParkKinds.Residential] = (
            [.93, .94, .94, .94, .94, .93, .88, .70, .50, .42, .40, .40, .42, .41, .40, .41, .44, .52, .66, .78, .85, .89, .91, .92],
            [.92, .93, .93, .93, .93, .93, .92, .88, .80, .70, .62, .60, .62, .62, .60, .60, .62, .66, .72, .80, .85, .88, .90, .91]),
        [CarParkKinds.Hospital] = (
            [.30, .28, .27, .27, .28, .30, .40, .70, .92, .97, .97, .93, .82, .85, .88, .85, .76, .62, .50, .45, .42, .38, .34, .32],
            [.30, .28, .27, .27, .27, .28, .32, .45, .62, .70, .72, .70, .62, .60, .60, .58, .52, .46, .42, .40, .38, .35, .33, .31]),
        [CarParkKinds.Transit] = (
            [.15, .12, .10, .10, .10, .15, .35, .75, .95, .72, .50, .45, .45, .45, .46, .50, .60, .82, .95, .93, .60, .40, .28, .20],
            [.15, .12, .10, .10, .10, .12, .18, .30, .42, .50, .55, .58, .58, .58, .58, .58, .58, .60, .60, .55, .45, .35, .25, .18]),
        [CarParkKinds.Street] = (
            [.30, .25, .22, .20, .20, .22, .30, .50, .70, .75, .76, .78, .80, .78, .76, .76, .78, .80, .82, .85, .80, .65, .50, .38],
            [.35, .30, .25, .22, .20, .20, .25, .35, .50, .65, .75, .80, .82, .82, .80, .80, .82, .85, .88, .88, .82, .70, .55, .42]),
    };

    /// <summary>The average share taken for a kind at a local time, interpolated between the hours.</summary>
    public static double Share(string kind, DateTimeOffset localTime)
    {
        var weekend = localTime.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var curve = weekend ? Curves[kind].Weekend : Curves[kind].Weekday;
        var hour = localTime.TimeOfDay.TotalHours;
        var from = (int)hour;
        var to = (from + 1) % 24;
        return curve[from] + ((curve[to] - curve[from]) * (hour - from));
    }
}
