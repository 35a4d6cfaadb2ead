namespace Luohu.Hub.Plugins.Water.Connectors;

/// <summary>Input of <c>water.start-rain</c>.</summary>
/// <param name="PeakMmPerHour">Peak intensity, 1 to 200 mm/h (30 is heavy rain, 60 a rainstorm).</param>
/// <param name="DurationMinutes">Simulated minutes of rain, 1 to 720.</param>
/// <param name="Area">A subdistrict (Dongmen, 东门, …), or empty for the whole district.</param>
internal sealed record StartRainRequest(double PeakMmPerHour, double DurationMinutes, string? Area = null);
