using Luohu.Hub.Plugins.Water.Connectors;
using Luohu.Hub.Plugins.Water.Simulation;
using Luohu.Hub.Sdk.Families;
using Luohu.Hub.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Plugins.Water;

/// <summary>
/// Entry type of <c>luohu.water</c>: the district's 302 water stations, simulated. Registers the unified
/// <see cref="ISensorDriver"/>, the readings event source, <c>water.start-rain</c> and a health check.
/// </summary>
public sealed class WaterPlugin : IHubPlugin
{
    /// <inheritdoc />
    public void Configure(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.Services.AddSingleton(WaterOptions.From(plugin.Configuration));
        plugin.Services.AddSingleton<WaterSimulation>();
        plugin.Services.AddSingleton<ISensorDriver, WaterSensorDriver>();

        plugin
            .AddEventSource<ReadingsEventSource>(
                "water.readings", "Water station readings", "sensors/water/#",
                "Each station's reading on sensors/water/{station}/flow|level|turbidity (value, unit, warning line, rain), and sensors/water/{station}/status when a station goes offline or comes back.")
            .AddAction<StartRainAction, StartRainRequest, StartRainResult>(
                "water.start-rain", "Start rain (simulation)", "Lets a storm fall on the simulated district or one subdistrict: flows and levels rise.")
            .AddHealthCheck<StationsHealthCheck>("stations");
    }
}
