namespace Luohu.Hub.Mqtt.Bridge;

/// <summary>When the bridge lets a QoS 1 message be acknowledged to the broker.</summary>
public enum MqttInboundAck
{
    /// <summary>
    /// After every bus subscription that matched the message (and, transitively, every message flows published because of
    /// it, up to the broker's PUBACK of those the bridge sends out) has been handled. At-least-once across a crash.
    /// One message at a time per hub node.
    /// </summary>
    AfterProcessing,

    /// <summary>
    /// After the bus accepted the message into the queues of the matching subscriptions. Faster; what is queued in memory
    /// is lost if the process dies.
    /// </summary>
    AfterHandOver,
}
