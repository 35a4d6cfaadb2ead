namespace Luohu.Hub.Mqtt.Bridge;

/// <summary>
/// The bridge to an external MQTT broker, bound from <c>Hub:Mqtt</c>. Without <see cref="Url"/> the bridge is off and
/// the embedded broker (<c>Hub:Mqtt:Broker</c>) is on.
/// </summary>
public sealed class MqttOptions
{
    /// <summary><c>mqtt://host:1883</c> or <c>mqtts://host:8883</c> (port defaults 1883/8883). Default none: bridge off.</summary>
    public string? Url { get; set; }

    /// <summary>"5" (default) or "3.1.1".</summary>
    public string ProtocolVersion { get; set; } = "5";

    /// <summary>Client id of the subscribing connection; the publishing one adds <c>-out</c>. Default <c>luohu-hub</c>;
    /// give each hub node its own.</summary>
    public string ClientId { get; set; } = "luohu-hub";

    /// <summary>Default none.</summary>
    public string? Username { get; set; }

    /// <summary>Default none.</summary>
    public string? Password { get; set; }

    /// <summary>PEM file of the CA that signed the broker's certificate (mqtts). Default none.</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM client certificate, with <see cref="KeyFile"/>, for brokers that require one. Default none.</summary>
    public string? CertFile { get; set; }

    /// <summary>PEM private key of <see cref="CertFile"/> (unencrypted). Default none.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Default 30.</summary>
    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>Default false: a persistent session, so QoS 1 messages wait at the broker while the hub is away.</summary>
    public bool CleanStart { get; set; }

    /// <summary>MQTT 5: how long the broker keeps the session after a disconnect. Default 86400 (one day).</summary>
    public uint SessionExpirySeconds { get; set; } = 86_400;

    /// <summary>Default none.</summary>
    public MqttLastWillOptions? LastWill { get; set; }

    /// <summary>Broker filters whose messages enter the bus (<c>luohu/sensors/#</c>, <c>$share/hubs/luohu/#</c>). Default none.</summary>
    public IList<string> Subscribe { get; } = [];

    /// <summary>Bus filters whose messages go to the broker. Default none. Overlapping filters send a message once per filter.</summary>
    public IList<string> Publish { get; } = [];

    /// <summary>Prefix rewrites both ways. Default none (same topic on both sides).</summary>
    public IList<MqttTopicMapping> Mappings { get; } = [];

    /// <summary>QoS of subscriptions and publishes. Default 1.</summary>
    public int Qos { get; set; } = 1;

    /// <summary>Larger inbound payloads are rejected (counted, reason shown). Default 262144 (256 KiB).</summary>
    public int MaxPayloadBytes { get; set; } = 256 * 1024;

    /// <summary>Outbound messages held while the broker is away; beyond it the oldest is shed (counted). Default 10000.</summary>
    public int OutboundQueueCapacity { get; set; } = 10_000;

    /// <summary>Publishes sent and not yet confirmed by the broker. Default 1000.</summary>
    public int MaxInflight { get; set; } = 1_000;

    /// <summary>Default <see cref="MqttInboundAck.AfterProcessing"/> (at-least-once across a crash).</summary>
    public MqttInboundAck InboundAck { get; set; } = MqttInboundAck.AfterProcessing;

    /// <summary>
    /// Incoming QoS 1 messages in processing at once, unacknowledged (MQTT 5 Receive Maximum; a broker may cap it lower:
    /// mosquitto's <c>max_inflight_messages</c>, default 20). Default 1000.
    /// </summary>
    public int ReceiveMaximum { get; set; } = 1_000;

    /// <summary>
    /// How long the acknowledgements of incoming messages may stand still (the oldest unacknowledged one stuck, as in a
    /// long delay node) before the messages older than this are acknowledged anyway (counted as ack timeouts). A backlog
    /// that keeps moving is never acknowledged early, however old its messages. Default 10 s.
    /// </summary>
    public TimeSpan ProcessingTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First reconnect delay. Default 1 s.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Reconnect delays double up to this. Default 30 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
