using Luohu.Hub.Runtime.Bus;
using MQTTnet;

namespace Luohu.Hub.Mqtt.Bridge;

/// <summary>A QoS 1 message from the broker, unacknowledged until the hub is done with it (or gave up waiting).</summary>
internal sealed class InboundDelivery(AckSequencer sequencer, MqttApplicationMessageReceivedEventArgs received, long receivedAt) : MessageDelivery
{
    public MqttApplicationMessageReceivedEventArgs Received { get; } = received;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> at arrival, for the processing timeout.</summary>
    public long ReceivedAt { get; } = receivedAt;

    protected override void OnSettled() => sequencer.OnSettled();
}
