namespace Luohu.Hub.Sdk.Families;

/// <summary>A device a sensor driver knows.</summary>
/// <param name="DeviceId">The device id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">What it measures.</param>
/// <param name="Unit">The unit of its readings.</param>
/// <param name="Area">The district area it stands in, when known.</param>
/// <param name="Location">Where it is, when known.</param>
public sealed record SensorDevice(string DeviceId, string Name, string Kind, string Unit, string? Area, GeoPoint? Location);
