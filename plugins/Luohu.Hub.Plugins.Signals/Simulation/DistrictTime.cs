namespace Luohu.Hub.Plugins.Signals.Simulation;

/// <summary>
/// Luohu's local time. China has kept UTC+8 without daylight saving since 1991, so a fixed offset is
/// exact and does not depend on the time-zone data of the machine the hub runs on.
/// </summary>
internal static class DistrictTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset);
}
