using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Luohu.Hub.Plugins.Cameras;

/// <summary>The plugin's configuration section (<c>Hub:Plugins:luohu.cameras</c>).</summary>
internal sealed class CamerasOptions
{
    /// <summary>Seeds the detections and the noise. Default 20261203, so every install sees the same street life.</summary>
    public int Seed { get; init; } = 20261203;

    /// <summary>Milliseconds between ticks of the cameras. Default 1000; at least 50.</summary>
    public int TickMilliseconds { get; init; } = 1000;

    /// <summary>Detections per camera per minute, on average. Default 4 (about 2.4 a second over the 36 cameras); 0 for only staged scenes.</summary>
    public double DetectionsPerCameraPerMinute { get; init; } = 4;

    /// <summary>Chance per camera per real hour that it goes offline (for 1 to 15 min). Default 0.1; 0 for never.</summary>
    public double OfflineChancePerHour { get; init; } = 0.1;

    /// <summary>Chance that one detection is lost on its way (a gap). Default 0.01; 0 for none.</summary>
    public double GapChance { get; init; } = 0.01;

    /// <summary>Chance that a detection is a false one at low confidence (a shadow, a reflection). Default 0.03; 0 for none.</summary>
    public double NoiseChance { get; init; } = 0.03;

    public static CamerasOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new CamerasOptions();
        return new CamerasOptions
        {
            Seed = (int)Read(configuration, nameof(Seed), defaults.Seed, int.MinValue, int.MaxValue, whole: true),
            TickMilliseconds = (int)Read(configuration, nameof(TickMilliseconds), defaults.TickMilliseconds, 50, 3_600_000, whole: true),
            DetectionsPerCameraPerMinute = Read(configuration, nameof(DetectionsPerCameraPerMinute), defaults.DetectionsPerCameraPerMinute, 0, 600, whole: false),
            OfflineChancePerHour = Read(configuration, nameof(OfflineChancePerHour), defaults.OfflineChancePerHour, 0, 3600, whole: false),
            GapChance = Read(configuration, nameof(GapChance), defaults.GapChance, 0, 1, whole: false),
            NoiseChance = Read(configuration, nameof(NoiseChance), defaults.NoiseChance, 0, 1, whole: false),
        };
    }

    private static double Read(IConfiguration configuration, string key, double fallback, double minimum, double maximum, bool whole)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        var ok = double.TryParse(text, whole ? NumberStyles.Integer : NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        if (!ok || double.IsNaN(value) || value < minimum || value > maximum)
        {
            throw new InvalidOperationException(
                $"Cameras plugin setting '{key}' is '{text}', which is not {(whole ? "a whole number" : "a number")} from {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)}. " +
                $"Fix Hub:Plugins:luohu.cameras:{key} or remove it to use the default {fallback.ToString(CultureInfo.InvariantCulture)}.");
        }

        return value;
    }
}
