using Luohu.Hub.Plugins.Parking;
using Luohu.Hub.Plugins.Tests.Fakes;
using Luohu.Hub.Sdk.Families;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Plugins.Tests.Parking;

public sealed class ParkingPluginTests
{
    private static RecordingPluginBuilder Configure(IDictionary<string, string?>? settings = null)
    {
        var builder = new RecordingPluginBuilder(RecordingPluginBuilder.ManifestFor("luohu.parking"), new ManualTimeProvider(District.Tuesday(9)), settings);
        new ParkingPlugin().Configure(builder);
        return builder;
    }

    [Fact]
    public void Configure_RegistersTheOccupancyEventSource()
    {
        var source = Assert.Single(Configure().EventSources);
        Assert.Equal(("parking.occupancy", "Car park occupancy", "sensors/parking/+/occupancy"), (source.Id, source.Title, source.Topics));
    }

    [Fact]
    public void Configure_RegistersTheActions() =>
        Assert.Equal(
            [("parking.get-lot", "Get car park state"), ("parking.list-lots", "List car parks")],
            Configure().Actions.Select(a => (a.Capability, a.Title)));

    [Fact]
    public void Configure_RegistersTheSensorDriverFamily()
    {
        using var services = Configure().Services.BuildServiceProvider();
        Assert.NotNull(services.GetService<ISensorDriver>());
    }

    [Fact]
    public void Configure_EveryConnectorCanBeCreatedFromThePluginServices()
    {
        var builder = Configure();
        using var services = builder.Services.BuildServiceProvider();
        var types = builder.Actions.Select(a => a.Action)
            .Concat(builder.EventSources.Select(s => s.Source))
            .Concat(builder.HealthChecks.Select(h => h.Check));
        Assert.All(types, t => Assert.NotNull(ActivatorUtilities.CreateInstance(services, t)));
    }

    [Fact]
    public async Task HealthCheck_Simulation_IsHealthyWithTheDistrictTotals()
    {
        var builder = Configure();
        var (name, type) = Assert.Single(builder.HealthChecks);
        using var services = builder.Services.BuildServiceProvider();
        var check = (IHealthCheck)ActivatorUtilities.CreateInstance(services, type);
        var result = await check.CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);

        Assert.Equal("simulation", name);
        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(620, result.Data["lots"]);
        Assert.Equal(92_467, result.Data["totalSpaces"]);
        Assert.InRange((int)result.Data["freeSpaces"], 1, 92_466);
        Assert.Equal(District.Tuesday(9), result.Data["lastTick"]);
    }

    [Fact]
    public void Configure_SeedSetting_ChangesTheCatalogue()
    {
        using var defaults = Configure().Services.BuildServiceProvider();
        using var seeded = Configure(new Dictionary<string, string?> { ["Seed"] = "7" }).Services.BuildServiceProvider();
        Assert.NotEqual(
            defaults.GetRequiredService<Luohu.Hub.Plugins.Parking.Simulation.ParkingSimulation>().Lots.Select(l => l.Capacity),
            seeded.GetRequiredService<Luohu.Hub.Plugins.Parking.Simulation.ParkingSimulation>().Lots.Select(l => l.Capacity));
    }

    [Fact]
    public void Configure_BadTickSetting_FailsNamingTheKeyAndTheFix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Configure(new Dictionary<string, string?> { ["TickMilliseconds"] = "fast" }));
        Assert.Equal(
            "Parking plugin setting 'TickMilliseconds' is 'fast', which is not a whole number of at least 50. " +
            "Fix Hub:Plugins:luohu.parking:TickMilliseconds or remove it to use the default 1000.",
            error.Message);
    }
}
