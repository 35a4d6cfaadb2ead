using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Luohu.Hub.Plugins.Parking;

/// <summary>The plugin's configuration section (<c>Hub:Plugins:luohu.parking</c>).</summary>
internal sealed class ParkingOptions
{
    /// <summary>Seeds the car-park catalogue and the simulation's noise. Default 20261121, so every install shows the same district.</summary>
    public int Seed { get; init; } = 20261121;

    /// <summary>Milliseconds between simulation ticks of the occupancy event source. Default 1000; at least 50.</summary>
    public int TickMilliseconds { get; init; } = 1000;

    /// <summary>The most events one tick emits; lots left over are emitted on the next tick. Default 620 (every lot).</summary>
    public int MaxEventsPerTick { get; init; } = 620;

    public static ParkingOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new ParkingOptions();
        return new ParkingOptions
        {
            Seed = Read(configuration, nameof(Seed), defaults.Seed, int.MinValue),
            TickMilliseconds = Read(configuration, nameof(TickMilliseconds), defaults.TickMilliseconds, 50),
            MaxEventsPerTick = Read(configuration, nameof(MaxEventsPerTick), defaults.MaxEventsPerTick, 1),
        };
    }

    private static int Read(IConfiguration configuration, string key, int fallback, int minimum)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new InvalidOperationException(
                $"Parking plugin setting '{key}' is '{text}', which is not a whole number of at least {minimum}. " +
                $"Fix Hub:Plugins:luohu.parking:{key} or remove it to use the default {fallback}.");
        }

        return value;
    }
}
