namespace Luohu.Hub.Mqtt.Bridge;

/// <summary>
/// The bridge's counters: fields moved with <see cref="Interlocked"/> (no lock per message), read by
/// <c>/api/v1/mqtt</c> and published as <c>System.Diagnostics.Metrics</c> instruments by <see cref="MqttMetrics"/>.
/// </summary>
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
