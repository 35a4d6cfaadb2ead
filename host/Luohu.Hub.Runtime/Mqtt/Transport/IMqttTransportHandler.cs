namespace Luohu.Hub.Runtime.Mqtt.Transport;

/// <summary>
/// What a transport reports. Calls come on the transport's own network thread, one at a time: keep them short,
/// except <see cref="OnMessage"/>, which may block deliberately because the acknowledgement waits for it.
/// </summary>
internal interface IMqttTransportHandler
{
    void OnConnected(IMqttTransport transport, bool sessionPresent);

    /// <summary>A connect attempt failed or an established connection was lost; the transport retries with backoff.</summary>
    void OnDisconnected(IMqttTransport transport, string reason);

    /// <summary>An incoming message; its QoS 1 acknowledgement is sent after this returns.</summary>
    void OnMessage(IMqttTransport transport, MqttInboundMessage message);

    /// <summary>The broker confirmed a QoS 1/2 publish (QoS 0: it was written); <paramref name="reasonCode"/> ≥ 128 is a refusal.</summary>
    void OnPublished(IMqttTransport transport, int messageId, int reasonCode);
}
