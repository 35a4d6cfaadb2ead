using System.Globalization;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>The arithmetic behind the helpers scripts see; kept apart from the engine so it is tested directly.</summary>
internal static class ScriptHelpers
{
    /// <summary>Mean Earth radius (IUGG), in metres.</summary>
    public const double EarthRadiusMeters = 6_371_008.8;

    public static double Round(double value, int digits)
    {
        // JavaScript's Math.round sends halves up; Math.Round(AwayFromZero) matches it for positive values,
        // and for a rule's readings (levels, ratios) "away from zero" is what a person expects.
        return Math.Round(value, Math.Clamp(digits, 0, 15), MidpointRounding.AwayFromZero);
    }

    public static double Clamp(double value, double min, double max) => Math.Min(Math.Max(value, min), max);

    /// <summary>Great-circle distance by the haversine formula; good to about 0.5 % on Earth.</summary>
    public static double DistanceMeters(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180d;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public static string IsoTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
