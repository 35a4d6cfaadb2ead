namespace Luohu.Hub.Mqtt.Broker;

/// <summary>The embedded broker's counters: Interlocked fields (no lock per message), also published as metrics.</summary>
internal sealed class BrokerCounters
{
    public long Received;
    public long Delivered;
    public long Denied;
    public long RefusedConnections;
    public long Rejected;
    public long QueueDrops;
    public long AckTimeouts;
    public long Throttled;
    public long FloodDisconnects;
}
