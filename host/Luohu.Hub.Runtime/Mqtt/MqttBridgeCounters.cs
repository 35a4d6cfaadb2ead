namespace Luohu.Hub.Runtime.Mqtt;

/// <summary>The bridge's counters; fields because they are moved with <see cref="Interlocked"/>.</summary>
internal sealed class MqttBridgeCounters
{
    public long Connects;
    public long Received;
    public long Sent;
    public long Dropped;
    public long Rejected;
    public long Wrapped;
    public long LoopsPrevented;
    public long AckTimeouts;
    public long OutboundFailures;
}
