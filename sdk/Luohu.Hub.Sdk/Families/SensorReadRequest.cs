namespace Luohu.Hub.Sdk.Families;

/// <summary>Asks for a device's current value.</summary>
/// <param name="DeviceId">The device id.</param>
public sealed record SensorReadRequest(string DeviceId);
