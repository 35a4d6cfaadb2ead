using Luohu.Hub.Plugins.Parking.Model;
using Luohu.Hub.Plugins.Parking.Simulation;
using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.Parking.Connectors;

/// <summary>
/// The district's unified sensor interface over the car parks: each lot is a device measuring
/// <c>parking.free</c> in <c>spaces</c>. Registering it as <see cref="ISensorDriver"/> is all it takes for
/// the host to offer <c>sensor.list-devices</c> and <c>sensor.read</c>.
/// </summary>
internal sealed class ParkingSensorDriver(ParkingSimulation simulation, TimeProvider time) : ISensorDriver
{
    public const string DeviceKind = "parking.free";
    public const string Unit = "spaces";

    public ValueTask<SensorDeviceList> ListDevicesAsync(SensorDeviceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);

        // A filter is a question asked of every sensor vendor at once: an area or kind this plugin
        // does not have is an empty answer, not an error.
        var kindMatches = query.Kind is null || string.Equals(query.Kind, DeviceKind, StringComparison.OrdinalIgnoreCase);
        var area = query.Area is null ? null : LuohuSubdistricts.Find(query.Area.Trim());
        var devices = !kindMatches || (query.Area is not null && area is null)
            ? []
            : simulation.Lots
                .Where(l => area is null || l.Area == area.En)
                .Select(l => new SensorDevice(l.Id, $"{l.Name} {l.NameEn}", DeviceKind, Unit, l.Area, new GeoPoint(l.Latitude, l.Longitude)))
                .ToArray();
        return ValueTask.FromResult(new SensorDeviceList(devices));
    }

    public ValueTask<SensorReading> ReadAsync(SensorReadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lot = simulation.Find(request.DeviceId) ?? throw GetLotAction.UnknownLot("deviceId", request.DeviceId, simulation);
        simulation.Advance(time.GetUtcNow());
        var state = simulation.GetState(lot.Index);
        return ValueTask.FromResult(new SensorReading(
            lot.Id, DeviceKind, state.Free, Unit, state.Timestamp, new GeoPoint(lot.Latitude, lot.Longitude)));
    }
}
