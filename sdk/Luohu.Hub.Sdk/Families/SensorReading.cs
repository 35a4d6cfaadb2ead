namespace Luohu.Hub.Sdk.Families;

/// <summary>One measurement of one device.</summary>
/// <param name="DeviceId">The device, e.g. <c>LH-0042</c>.</param>
/// <param name="Kind">What is measured, e.g. <c>parking.free</c>, <c>water.level</c>.</param>
/// <param name="Value">The measured value.</param>
/// <param name="Unit">The unit, e.g. <c>spaces</c>, <c>m</c>, <c>m3/s</c>.</param>
/// <param name="Timestamp">When it was measured.</param>
/// <param name="Location">Where the device is, when known.</param>
public sealed record SensorReading(string DeviceId, string Kind, double Value, string Unit, DateTimeOffset Timestamp, GeoPoint? Location);
