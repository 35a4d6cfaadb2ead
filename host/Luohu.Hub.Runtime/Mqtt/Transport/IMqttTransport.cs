namespace Luohu.Hub.Runtime.Mqtt.Transport;

/// <summary>
/// One MQTT client connection: the seam behind which libmosquitto sits, so that another client (a managed one) can
/// replace it. The transport connects and reconnects by itself (backoff from <see cref="MqttTransportOptions"/>) and
/// reports through an <see cref="IMqttTransportHandler"/>; the bridge resubscribes on every connect.
/// </summary>
/// <remarks>
/// <b>Acknowledgement contract.</b> An implementation must send the QoS 1 PUBACK (QoS 2 PUBREC) of an incoming message
/// only after <see cref="IMqttTransportHandler.OnMessage"/> has returned for it, so that a handler which returns only
/// once the message is safely processed makes the hand-over at-least-once across a crash.
/// </remarks>
internal interface IMqttTransport : IDisposable
{
    string ClientId { get; }

    /// <summary>True between a successful CONNACK and the loss of the connection.</summary>
    bool IsConnected { get; }

    /// <summary>Starts connecting in the background; messages and state changes go to <paramref name="handler"/>.</summary>
    void Start(IMqttTransportHandler handler);

    /// <summary>Queues a SUBSCRIBE; returns its packet id. Throws <see cref="MqttTransportException"/> when not connected.</summary>
    /// <param name="filter">A broker topic filter, <c>$share/group/filter</c> allowed (MQTT 5).</param>
    /// <param name="qos">0, 1 or 2.</param>
    /// <param name="options">MQTT 5 subscription options bits (no-local 0x04, retain-as-published 0x08, …); 0 for 3.1.1.</param>
    int Subscribe(string filter, int qos, int options);

    /// <summary>Queues a PUBLISH; returns its packet id, confirmed later by <see cref="IMqttTransportHandler.OnPublished"/>.</summary>
    int Publish(string topic, ReadOnlySpan<byte> payload, int qos, bool retain);
}
