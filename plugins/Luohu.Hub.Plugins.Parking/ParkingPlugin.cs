using Luohu.Hub.Plugins.Parking.Connectors;
using Luohu.Hub.Plugins.Parking.Model;
using Luohu.Hub.Plugins.Parking.Simulation;
using Luohu.Hub.Sdk.Families;
using Luohu.Hub.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Plugins.Parking;

/// <summary>
/// Entry type of <c>luohu.parking</c>: 620 simulated car parks. Registers the simulation, the unified
/// <see cref="ISensorDriver"/>, the occupancy event source, two actions and a health check.
/// </summary>
public sealed class ParkingPlugin : IHubPlugin
{
    /// <inheritdoc />
    public void Configure(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);

        // Read and check the settings now, so a bad value fails the load with a clear message.
        var options = ParkingOptions.From(plugin.Configuration);
        plugin.Services.AddSingleton(options);
        if (options.MqttUrl is not null)
        {
            plugin.Services.AddSingleton<MqttGateways>();
        }

        plugin.Services.AddSingleton<ParkingSimulation>();
        plugin.Services.AddSingleton<ISensorDriver, ParkingSensorDriver>();

        plugin
            .AddEventSource<OccupancyEventSource>(
                "parking.occupancy", "Car park occupancy", "sensors/parking/+/occupancy",
                "One event per car park whose free spaces changed: lot, name, area, kind, total, free, occupied, status, position, timestamp.")
            .AddAction<GetLotAction, GetLotRequest, CarParkState>(
                "parking.get-lot", "Get car park state", "The current state of one car park, LH-0001 to LH-0620.")
            .AddAction<ListLotsAction, ListLotsRequest, CarParkList>(
                "parking.list-lots", "List car parks", "Car parks of an area and/or status, with their total and free spaces.")
            .AddHealthCheck<SimulationHealthCheck>("simulation");
    }
}
