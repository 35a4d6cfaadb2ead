namespace Luohu.Hub.Runtime.Scheduling;

/// <summary>Time zones by IANA id (tzdata); the district's own zone still works on a machine without tzdata.</summary>
internal static class TimeZones
{
    public const string Shanghai = "Asia/Shanghai";

    private static readonly TimeZoneInfo ShanghaiFallback = TimeZoneInfo.CreateCustomTimeZone(
        Shanghai, TimeSpan.FromHours(8), "China Standard Time (UTC+8)", "China Standard Time");

    public static bool TryFind(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Without tzdata only the fixed UTC+8 zone is known; China has had no daylight saving since 1991.
            zone = string.Equals(id, Shanghai, StringComparison.Ordinal) ? ShanghaiFallback : TimeZoneInfo.Utc;
            return zone == ShanghaiFallback;
        }
    }
}
