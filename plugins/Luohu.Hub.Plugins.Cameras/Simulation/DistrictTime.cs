namespace Luohu.Hub.Plugins.Cameras.Simulation;

/// <summary>Luohu's local time: UTC+8 without daylight saving, exact without the machine's time-zone data.</summary>
internal static class DistrictTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset);
}
