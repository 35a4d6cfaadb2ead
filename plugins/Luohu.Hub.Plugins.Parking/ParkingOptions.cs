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

    /// <summary>
    /// When set (<c>mqtt://127.0.0.1:1883</c>), the car parks report as real MQTT devices, one gateway per subdistrict,
    /// to this broker — usually the hub's own embedded broker — instead of through the plugin's event sink. Default none.
    /// </summary>
    public string? MqttUrl { get; init; }

    /// <summary>The device credential's user name (<c>lhd_…</c>), issued by the traffic department (POST /api/v1/devices).</summary>
    public string? MqttUserName { get; init; }

    /// <summary>Its password; keep it a plugin secret (PUT /api/v1/plugins/luohu.parking/settings, <c>secrets</c>).</summary>
    public string? MqttPassword { get; init; }

    public static ParkingOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new ParkingOptions();
        return new ParkingOptions
        {
            Seed = Read(configuration, nameof(Seed), defaults.Seed, int.MinValue),
            TickMilliseconds = Read(configuration, nameof(TickMilliseconds), defaults.TickMilliseconds, 50),
            MaxEventsPerTick = Read(configuration, nameof(MaxEventsPerTick), defaults.MaxEventsPerTick, 1),
            MqttUrl = MqttUrlOf(configuration["Mqtt:Url"]),
            MqttUserName = configuration["Mqtt:UserName"],
            MqttPassword = configuration["Mqtt:Password"],
        };
    }

    private static string? MqttUrlOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != "mqtt")
        {
            throw new InvalidOperationException(
                $"Parking plugin setting 'Mqtt:Url' is '{text}', which is not an mqtt:// address. Write mqtt://127.0.0.1:1883 (the hub's embedded broker) or remove it to report through the plugin's event sink.");
        }

        return text;
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
