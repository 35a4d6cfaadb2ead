namespace Luohu.Hub.Runtime.Mqtt.Transport;

/// <summary>Everything one client connection needs; built by the bridge from <see cref="MqttOptions"/>.</summary>
internal sealed record MqttTransportOptions
{
    public required string Host { get; init; }
    public required int Port { get; init; }
    public required string ClientId { get; init; }
    public bool UseTls { get; init; }
    public string? CaFile { get; init; }
    public string? CertFile { get; init; }
    public string? KeyFile { get; init; }
    public string? Username { get; init; }
    public string? Password { get; init; }

    /// <summary>5 (MQTT 5) or 4 (MQTT 3.1.1).</summary>
    public int ProtocolVersion { get; init; } = 5;
    public int KeepAliveSeconds { get; init; } = 30;
    public bool CleanStart { get; init; }

    /// <summary>MQTT 5 only: how long the broker keeps the session after a disconnect.</summary>
    public uint SessionExpirySeconds { get; init; }
    public MqttLastWillOptions? LastWill { get; init; }
    public TimeSpan ReconnectMin { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan ReconnectMax { get; init; } = TimeSpan.FromSeconds(30);
}
