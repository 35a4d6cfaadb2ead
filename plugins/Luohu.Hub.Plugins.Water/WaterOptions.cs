using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Luohu.Hub.Plugins.Water;

/// <summary>The plugin's configuration section (<c>Hub:Plugins:luohu.water</c>).</summary>
internal sealed class WaterOptions
{
    /// <summary>Seeds the station catalogue and the noise. Default 20261203, so every install shows the same district.</summary>
    public int Seed { get; init; } = 20261203;

    /// <summary>Milliseconds between readings of every station. Default 1000 (302 readings a second); at least 50.</summary>
    public int TickMilliseconds { get; init; } = 1000;

    /// <summary>Simulated minutes of hydrology per real minute. Default 1 (real time); a demo uses 30 to watch a storm in minutes.</summary>
    public double TimeScale { get; init; } = 1;

    /// <summary>Chance per real hour that a storm starts by itself. Default 0.5; 0 for rain only through <c>water.start-rain</c>.</summary>
    public double RainChancePerHour { get; init; } = 0.5;

    /// <summary>Chance per real hour that one station goes offline (for 30 s to 10 min, buffering). Default 0.2; 0 for never.</summary>
    public double OfflineChancePerHour { get; init; } = 0.2;

    /// <summary>Chance that one reading never arrives. Default 0.01; 0 for none.</summary>
    public double GapChance { get; init; } = 0.01;

    public static WaterOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new WaterOptions();
        return new WaterOptions
        {
            Seed = (int)Read(configuration, nameof(Seed), defaults.Seed, int.MinValue, int.MaxValue, whole: true),
            TickMilliseconds = (int)Read(configuration, nameof(TickMilliseconds), defaults.TickMilliseconds, 50, 3_600_000, whole: true),
            TimeScale = Read(configuration, nameof(TimeScale), defaults.TimeScale, 0.01, 3600, whole: false),
            RainChancePerHour = Read(configuration, nameof(RainChancePerHour), defaults.RainChancePerHour, 0, 3600, whole: false),
            OfflineChancePerHour = Read(configuration, nameof(OfflineChancePerHour), defaults.OfflineChancePerHour, 0, 3600, whole: false),
            GapChance = Read(configuration, nameof(GapChance), defaults.GapChance, 0, 1, whole: false),
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
                $"Water plugin setting '{key}' is '{text}', which is not {(whole ? "a whole number" : "a number")} from {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)}. " +
                $"Fix Hub:Plugins:luohu.water:{key} or remove it to use the default {fallback.ToString(CultureInfo.InvariantCulture)}.");
        }

        return value;
    }
}
