namespace Luohu.Hub.Runtime.Bus;

/// <summary>An event on the hub's bus. Immutable; the payload is UTF-8 JSON.</summary>
internal sealed record HubMessage
{
    public required string Id { get; init; }
    public required string Topic { get; init; }
    public required ReadOnlyMemory<byte> Payload { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = EmptyHeaders;
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Who put it on the bus: <c>plugin:luohu.parking/parking.occupancy</c>, <c>mqtt</c>, <c>api</c>, <c>flow:{id}/{node}</c>.</summary>
    public required string Source { get; init; }

    /// <summary>
    /// The incoming delivery this message is part of, when its source waits for its processing (MQTT QoS 1 with
    /// acknowledgement after processing); the bus holds it while the message is queued or handled. Never serialized.
    /// </summary>
    public MessageDelivery? Delivery { get; init; }

    private static readonly IReadOnlyDictionary<string, string> EmptyHeaders = new Dictionary<string, string>();
}
