using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;
using Luohu.Hub.Sdk.Plugins;

namespace Acme.Plugin;

/// <summary>The district's sensor family: flows call sensor.read and never care whose sensors answer.</summary>
internal sealed class VendorSensors(IPluginContext context) : ISensorDriver
{
    private static readonly SensorDevice[] Devices =
    [
        new("acme-0001", "Water level, Shenzhen River gauge 1", "water-level", "m", "luohu", null),
    ];

    public ValueTask<SensorDeviceList> ListDevicesAsync(SensorDeviceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ValueTask.FromResult(new SensorDeviceList([.. Devices.Where(d => (query.Kind is null || d.Kind == query.Kind) && (query.Area is null || d.Area == query.Area))]));
    }

    public ValueTask<SensorReading> ReadAsync(SensorReadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var device = Devices.FirstOrDefault(d => d.DeviceId == request.DeviceId)
            ?? throw new CapabilityInputException("deviceId", $"Unknown device '{request.DeviceId}'; sensor.list-devices lists them.");
        return ValueTask.FromResult(new SensorReading(device.DeviceId, device.Kind, 2.4, device.Unit, context.TimeProvider.GetUtcNow(), device.Location));
    }
}
