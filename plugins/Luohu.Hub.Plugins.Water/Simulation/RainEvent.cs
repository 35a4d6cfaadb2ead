namespace Luohu.Hub.Plugins.Water.Simulation;

/// <summary>
/// A storm: it builds to its peak intensity in the first third of its duration and eases off over the rest, the
/// shape of the short convective storms that flood Shenzhen's underpasses in summer.
/// </summary>
/// <param name="Id">Its id, for the log and the answer of <c>water.start-rain</c>.</param>
/// <param name="Start">When it begins (simulated time).</param>
/// <param name="Duration">How long it rains.</param>
/// <param name="PeakMmPerHour">Peak intensity; 30 mm/h is heavy rain, 60 a rainstorm.</param>
/// <param name="Area">The subdistrict it falls on, or null for the whole district.</param>
internal sealed record RainEvent(string Id, DateTimeOffset Start, TimeSpan Duration, double PeakMmPerHour, string? Area)
{
    public DateTimeOffset End => Start + Duration;

    /// <summary>Intensity in mm/h at <paramref name="at"/> over <paramref name="area"/>; 0 outside the storm.</summary>
    public double IntensityAt(DateTimeOffset at, string area)
    {
        if (at < Start || at >= End || (Area is not null && Area != area))
        {
            return 0;
        }

        var progress = (at - Start) / Duration;
        return progress < 1.0 / 3 ? PeakMmPerHour * progress * 3 : PeakMmPerHour * (1 - progress) * 1.5;
    }
}
