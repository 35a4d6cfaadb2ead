using Luohu.Hub.Plugins.Parking.Model;

namespace Luohu.Hub.Plugins.Parking.Simulation;

/// <summary>Where a car park's occupancy is heading at a given moment.</summary>
internal static class OccupancyModel
{
    // Each lot breathes around its kind's curve on its own ~47-minute rhythm, so neighbours differ.
    private const double WobbleAmplitude = 0.04;
    private const double WobblePeriodMinutes = 47;

    public static int TargetOccupied(CarPark lot, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(lot);
        var local = DistrictTime.ToLocal(instant);
        var minutes = local.TimeOfDay.TotalMinutes;
        var wobble = WobbleAmplitude * Math.Sin((2 * Math.PI * minutes / WobblePeriodMinutes) + lot.Wobble);
        var share = Math.Clamp((OccupancyCurves.Share(lot.Kind, local) * lot.Popularity) + wobble, 0, 1);
        return (int)Math.Round(share * lot.Capacity);
    }
}
