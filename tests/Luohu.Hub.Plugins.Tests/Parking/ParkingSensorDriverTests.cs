using Luohu.Hub.Plugins.Parking.Connectors;
using Luohu.Hub.Plugins.Tests.Fakes;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.Tests.Parking;

public sealed class ParkingSensorDriverTests
{
    private static ParkingSensorDriver Create(out Luohu.Hub.Plugins.Parking.Simulation.ParkingSimulation simulation)
    {
        var (sim, time) = ParkingFixture.Create(District.Tuesday(9));
        simulation = sim;
        return new ParkingSensorDriver(sim, time);
    }

    [Fact]
    public async Task ListDevices_NoFilter_ListsEveryCarParkAsAParkingFreeDevice()
    {
        var driver = Create(out _);
        var list = await driver.ListDevicesAsync(new SensorDeviceQuery(), CancellationToken.None);
        Assert.Equal(620, list.Devices.Count);
        Assert.All(list.Devices, d =>
        {
            Assert.Equal("parking.free", d.Kind);
            Assert.Equal("spaces", d.Unit);
            Assert.NotNull(d.Location);
            Assert.NotNull(d.Area);
        });
    }

    [Fact]
    public async Task ListDevices_Area_ListsOnlyThatArea()
    {
        var driver = Create(out _);
        var list = await driver.ListDevicesAsync(new SensorDeviceQuery(Area: "Liantang"), CancellationToken.None);
        Assert.Equal(62, list.Devices.Count);
        Assert.All(list.Devices, d => Assert.Equal("Liantang", d.Area));
    }

    [Theory]
    [InlineData("water.level", null)]
    [InlineData(null, "Futian")]
    public async Task ListDevices_KindOrAreaThisVendorLacks_IsEmpty(string? kind, string? area)
    {
        var driver = Create(out _);
        var list = await driver.ListDevicesAsync(new SensorDeviceQuery(kind, area), CancellationToken.None);
        Assert.Empty(list.Devices);
    }

    [Fact]
    public async Task Read_KnownDevice_ReturnsItsFreeSpaces()
    {
        var driver = Create(out var simulation);
        var reading = await driver.ReadAsync(new SensorReadRequest("LH-0620"), CancellationToken.None);
        Assert.Equal("LH-0620", reading.DeviceId);
        Assert.Equal(simulation.GetState(619).Free, reading.Value);
        Assert.Equal("spaces", reading.Unit);
        Assert.Equal(District.Tuesday(9), reading.Timestamp);
    }

    [Fact]
    public async Task Read_UnknownDevice_NamesDeviceIdAndTheValidRange()
    {
        var driver = Create(out _);
        var error = await Assert.ThrowsAsync<CapabilityInputException>(
            async () => await driver.ReadAsync(new SensorReadRequest("X"), CancellationToken.None));
        Assert.Equal("deviceId", error.Field);
        Assert.Equal("Unknown car park 'X'. Ids run from LH-0001 to LH-0620.", error.Message);
    }
}
