namespace Luohu.Hub.Mqtt.Broker;

/// <summary>One connected client: who it is and its message rates (over the last complete second).</summary>
internal sealed record BrokerClientState
{
    public required string ClientId { get; init; }
    public string? Credential { get; init; }
    public string? Department { get; init; }
    public string? Endpoint { get; init; }
    public DateTimeOffset ConnectedAt { get; init; }
    public long Received { get; init; }
    public long Sent { get; init; }
    public double ReceivedPerSecond { get; init; }
    public double SentPerSecond { get; init; }
    public long PendingMessages { get; init; }
    public long QueueDrops { get; init; }
    public long Throttled { get; init; }
    public long Denied { get; init; }
}
