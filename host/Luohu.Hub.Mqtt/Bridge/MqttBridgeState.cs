namespace Luohu.Hub.Mqtt.Bridge;

/// <summary>A point-in-time view of the MQTT bridge (<see cref="Enabled"/> false without an external broker) and of the embedded broker. Counts are since the hub started.</summary>
internal sealed record MqttBridgeState
{
    public static MqttBridgeState Disabled { get; } = new() { Enabled = false };

    public required bool Enabled { get; init; }
    public string? Broker { get; init; }
    public string? ProtocolVersion { get; init; }
    public string? InboundAck { get; init; }

    /// <summary>Every connection the bridge needs is up.</summary>
    public bool Connected { get; init; }
    public bool? InboundConnected { get; init; }
    public bool? OutboundConnected { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset? LastErrorAt { get; init; }
    public long Connects { get; init; }

    /// <summary>Messages from the broker put on the bus.</summary>
    public long Received { get; init; }

    /// <summary>Messages the broker confirmed (QoS 1) or that were written (QoS 0).</summary>
    public long Sent { get; init; }

    /// <summary>Outbound messages shed because the queue was full.</summary>
    public long Dropped { get; init; }

    /// <summary>Inbound messages refused (over <c>MaxPayloadBytes</c>, or a topic the bus refuses).</summary>
    public long Rejected { get; init; }
    public string? LastRejection { get; init; }

    /// <summary>Inbound payloads that were not JSON and were wrapped.</summary>
    public long Wrapped { get; init; }

    /// <summary>Bus messages that came from MQTT and matched a publish filter: not echoed back.</summary>
    public long LoopsPrevented { get; init; }

    /// <summary>Inbound messages acknowledged because processing outlasted <c>ProcessingTimeout</c>.</summary>
    public long AckTimeouts { get; init; }
    public long OutboundFailures { get; init; }

    /// <summary>Inbound QoS 1 messages received and not yet acknowledged (in processing, or waiting for an earlier one).</summary>
    public int InProcessing { get; init; }
    public int ReceiveMaximum { get; init; }
    public int QueueDepth { get; init; }
    public int QueueCapacity { get; init; }
    public int Inflight { get; init; }
    public IReadOnlyList<string> Subscriptions { get; init; } = [];
    public IReadOnlyList<string> Publish { get; init; } = [];

    /// <summary>The broker inside the hub; null when it is off (an external broker is configured).</summary>
    public Broker.EmbeddedBrokerState? EmbeddedBroker { get; init; }
}
