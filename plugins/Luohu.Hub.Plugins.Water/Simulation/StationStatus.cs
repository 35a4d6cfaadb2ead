namespace Luohu.Hub.Plugins.Water.Simulation;

/// <summary>The payload of <c>sensors/water/{stationId}/status</c>: a station went offline or came back.</summary>
/// <param name="DeviceId">The station.</param>
/// <param name="Online">Whether it answers now.</param>
/// <param name="Since">When it changed, district time.</param>
/// <param name="BufferedReadings">On coming back: how many late readings follow in one burst.</param>
internal sealed record StationStatus(string DeviceId, bool Online, DateTimeOffset Since, int BufferedReadings = 0);
