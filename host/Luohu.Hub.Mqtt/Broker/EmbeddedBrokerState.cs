namespace Luohu.Hub.Mqtt.Broker;

/// <summary>The embedded broker on <c>/api/v1/mqtt</c> (under <c>embeddedBroker</c>). Counts are since the hub started.</summary>
internal sealed record EmbeddedBrokerState
{
    public required bool Listening { get; init; }
    public IReadOnlyList<string> Endpoints { get; init; } = [];
    public string? LastError { get; init; }
    public bool AllowAnonymous { get; init; }

    /// <summary>Messages clients published that entered the bus.</summary>
    public long Received { get; init; }

    /// <summary>Bus messages handed to the broker for subscribed clients.</summary>
    public long Delivered { get; init; }

    /// <summary>Publishes and subscriptions refused by the topic ACL.</summary>
    public long Denied { get; init; }

    /// <summary>Sign-ins refused (unknown or revoked credential, wrong password, anonymous).</summary>
    public long RefusedConnections { get; init; }

    /// <summary>Inbound messages refused (over MaxPayloadBytes, a topic the bus refuses).</summary>
    public long Rejected { get; init; }
    public string? LastRejection { get; init; }

    /// <summary>Messages dropped from a client's pending queue because it was full; per client below.</summary>
    public long QueueDrops { get; init; }
    public long AckTimeouts { get; init; }

    /// <summary>Publishes a flooding client had to wait for (throttled) / clients disconnected for flooding.</summary>
    public long Throttled { get; init; }
    public long FloodDisconnects { get; init; }
    public int MaxPendingMessagesPerClient { get; init; }
    public int MaxMessagesPerSecondPerClient { get; init; }
    public int RetainedMessages { get; init; }
    public int Sessions { get; init; }
    public IReadOnlyList<BrokerClientState> Clients { get; init; } = [];
}
