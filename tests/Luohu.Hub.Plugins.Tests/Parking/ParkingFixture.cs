using Luohu.Hub.Plugins.Parking;
using Luohu.Hub.Plugins.Parking.Simulation;
using Luohu.Hub.Plugins.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Luohu.Hub.Plugins.Tests.Parking;

/// <summary>A simulation on a hand-moved clock.</summary>
internal static class ParkingFixture
{
    public static (ParkingSimulation Simulation, ManualTimeProvider Time) Create(DateTimeOffset start, ParkingOptions? options = null)
    {
        var time = new ManualTimeProvider(start);
        return (new ParkingSimulation(options ?? new ParkingOptions(), time, NullLogger<ParkingSimulation>.Instance), time);
    }
}
