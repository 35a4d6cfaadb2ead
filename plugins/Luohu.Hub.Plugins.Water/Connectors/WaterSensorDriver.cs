using Luohu.Hub.Plugins.Water.Model;
using Luohu.Hub.Plugins.Water.Simulation;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.Water.Connectors;

/// <summary>The district's unified sensor interface over the water stations (<c>sensor.list-devices</c>, <c>sensor.read</c>).</summary>
/// <remarks>A read answers the station's value as of the last tick of the readings source, as a poll of its logger would.</remarks>
internal sealed class WaterSensorDriver(WaterSimulation simulation) : ISensorDriver
{
    public ValueTask<SensorDeviceList> ListDevicesAsync(SensorDeviceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);

        // A filter is asked of every sensor vendor at once: a kind or area this plugin does not have is an empty answer.
        var area = query.Area is null ? null : StationCatalog.FindArea(query.Area.Trim());
        var devices = query.Area is not null && area is null
            ? []
            : simulation.Stations
                .Where(s => (query.Kind is null || string.Equals(query.Kind, s.Measure, StringComparison.OrdinalIgnoreCase))
                            && (area is null || s.Area == area))
                .Select(s => new SensorDevice(s.Id, $"{s.Name} {s.NameEn}", s.Measure, s.Unit, s.Area, new GeoPoint(s.Latitude, s.Longitude)))
                .ToArray();
        return ValueTask.FromResult(new SensorDeviceList(devices));
    }

    public ValueTask<SensorReading> ReadAsync(SensorReadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var station = simulation.Find(request.DeviceId)
            ?? throw new CapabilityInputException("deviceId",
                $"Unknown water station '{request.DeviceId}'. Ids: WO-001…WO-170 (outfalls), WD-001…WD-100 (storm drains), WL-01…WL-21 (waterlogging), WQ-01…WQ-11 (quality).");
        var (value, at) = simulation.Current(station);
        return ValueTask.FromResult(new SensorReading(station.Id, station.Measure, Math.Round(value, 3), station.Unit, at, new GeoPoint(station.Latitude, station.Longitude)));
    }
}
