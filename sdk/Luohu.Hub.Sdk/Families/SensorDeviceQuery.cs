namespace Luohu.Hub.Sdk.Families;

/// <summary>A filter for <see cref="ISensorDriver.ListDevicesAsync"/>; a null field does not filter.</summary>
/// <param name="Kind">Only devices measuring this kind.</param>
/// <param name="Area">Only devices in this area.</param>
public sealed record SensorDeviceQuery(string? Kind = null, string? Area = null);
