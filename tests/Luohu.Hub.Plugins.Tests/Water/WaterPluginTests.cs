using Luohu.Hub.Plugins.Tests.Fakes;
using Luohu.Hub.Plugins.Water;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Plugins.Tests.Water;

public sealed class WaterPluginTests
{
    private static RecordingPluginBuilder Configure()
    {
        var builder = new RecordingPluginBuilder(RecordingPluginBuilder.ManifestFor("luohu.water"), new ManualTimeProvider(District.Tuesday(9)));
        new WaterPlugin().Configure(builder);
        return builder;
    }

    [Fact]
    public void Configure_RegistersTheReadingsSource_TheRainAction_AndTheHealthCheck()
    {
        var builder = Configure();
        Assert.Equal(("water.readings", "sensors/water/#"), builder.EventSources.Select(s => (s.Id, s.Topics)).Single());
        Assert.Equal(["water.start-rain"], builder.Actions.Select(a => a.Capability));
        Assert.Equal(["stations"], builder.HealthChecks.Select(h => h.Name));
        using var services = builder.Services.BuildServiceProvider();
        Assert.All(builder.Actions.Select(a => a.Action).Concat(builder.EventSources.Select(s => s.Source)).Concat(builder.HealthChecks.Select(h => h.Check)),
            t => Assert.NotNull(ActivatorUtilities.CreateInstance(services, t)));
    }

    [Fact]
    public async Task SensorDriver_ListsByKindAndArea_AndAnUnknownStationIsTheCallersError()
    {
        using var services = Configure().Services.BuildServiceProvider();
        var driver = services.GetRequiredService<ISensorDriver>();

        var levels = await driver.ListDevicesAsync(new SensorDeviceQuery("water.level"), default);
        Assert.Equal(21, levels.Devices.Count);
        var nanhu = await driver.ListDevicesAsync(new SensorDeviceQuery(Area: "南湖"), default);
        Assert.All(nanhu.Devices, d => Assert.Equal("Nanhu", d.Area));
        Assert.Empty((await driver.ListDevicesAsync(new SensorDeviceQuery("parking.free"), default)).Devices);

        var error = await Assert.ThrowsAsync<CapabilityInputException>(() => driver.ReadAsync(new SensorReadRequest("WL-99"), default).AsTask());
        Assert.Equal("deviceId", error.Field);
    }
}
