namespace Luohu.Hub.Mqtt.Broker;

/// <summary>A persistent session as kept across a restart: its subscriptions and what was queued for it while it was away.</summary>
internal sealed class StoredSession
{
    public Dictionary<string, int> Subscriptions { get; init; } = new(StringComparer.Ordinal);
    public List<StoredMessage> Pending { get; init; } = [];
    /// <summary>Loaded from the files and its client not back yet (MQTTnet does not know the session).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Restored { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool Online { get; set; }
}
