using Luohu.Hub.Sdk.Connectors;

namespace Luohu.Hub.Sdk.Families;

/// <summary>
/// A vendor's sensors (parking occupancy, water level, flow). Readings stream as events on topics
/// <c>sensors/{kind}/{deviceId}/...</c>; these capabilities answer on request.
/// </summary>
public interface ISensorDriver
{
    /// <summary>Lists the devices, optionally of one kind or area.</summary>
    /// <param name="query">The filter.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Capability(StandardCapabilities.SensorListDevices, "List sensor devices")]
    ValueTask<SensorDeviceList> ListDevicesAsync(SensorDeviceQuery query, CancellationToken cancellationToken);

    /// <summary>Reads a device's current value.</summary>
    /// <param name="request">The device to read.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="CapabilityInputException">The device is unknown.</exception>
    [Capability(StandardCapabilities.SensorRead, "Read a sensor")]
    ValueTask<SensorReading> ReadAsync(SensorReadRequest request, CancellationToken cancellationToken);
}
