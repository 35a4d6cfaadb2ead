namespace Luohu.Hub.Plugins.Water.Connectors;

/// <summary>Output of <c>water.start-rain</c>.</summary>
/// <param name="StormId">The storm's id.</param>
/// <param name="PeakMmPerHour">Peak intensity.</param>
/// <param name="DurationMinutes">Simulated minutes.</param>
/// <param name="Area">The subdistrict, or null for the whole district.</param>
internal sealed record StartRainResult(string StormId, double PeakMmPerHour, double DurationMinutes, string? Area);
