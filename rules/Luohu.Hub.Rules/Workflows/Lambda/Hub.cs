using Luohu.Hub.Rules.Scripting;

namespace Luohu.Hub.Rules.Workflows.Lambda;

/// <summary>
/// The hub's helpers for lambda expressions, the same as JavaScript's <c>round</c>, <c>clamp</c>,
/// <c>distanceMeters</c> and <c>isoTime</c>: <c>Hub.Round(input1.ratio * 100, 1)</c>,
/// <c>Hub.DistanceMeters(a.lat, a.lon, b.lat, b.lon) &lt; 500</c>. (RulesEngine reads names case-insensitively, so
/// <c>Hub.round</c> works too.) Registered with RulesEngine as its only custom type: nothing else is reachable through it.
/// </summary>
public static class Hub
{
    /// <summary>Rounds half away from zero to <paramref name="digits"/> decimals (0 to 15).</summary>
    public static double Round(double value, int digits) => ScriptHelpers.Round(value, digits);

    /// <summary>Rounds half away from zero to a whole number.</summary>
    public static double Round(double value) => ScriptHelpers.Round(value, 0);

    /// <summary><paramref name="value"/> kept between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static double Clamp(double value, double min, double max) => ScriptHelpers.Clamp(value, min, max);

    /// <summary>Great-circle distance in metres between two points given in degrees (haversine).</summary>
    public static double DistanceMeters(double lat1, double lon1, double lat2, double lon2) => ScriptHelpers.DistanceMeters(lat1, lon1, lat2, lon2);

    /// <summary>ISO 8601 UTC text (<c>2026-12-03T07:00:00.000Z</c>) of milliseconds since 1970.</summary>
    public static string IsoTime(double milliseconds) =>
        ScriptHelpers.IsoTime(DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Clamp(Math.Truncate(milliseconds), -8.64e15, 8.64e15)));

    /// <summary>ISO 8601 UTC text of a date.</summary>
    public static string IsoTime(DateTime time) => ScriptHelpers.IsoTime(new DateTimeOffset(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time));
}
