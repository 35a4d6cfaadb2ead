namespace Luohu.Hub.Sdk.Families;

/// <summary>The devices a sensor driver knows.</summary>
/// <param name="Devices">The devices.</param>
public sealed record SensorDeviceList(IReadOnlyList<SensorDevice> Devices);
