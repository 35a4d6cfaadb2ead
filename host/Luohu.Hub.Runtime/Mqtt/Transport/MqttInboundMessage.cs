namespace Luohu.Hub.Runtime.Mqtt.Transport;

/// <summary>A message as it came from the broker. The payload is a copy the receiver may keep.</summary>
internal sealed record MqttInboundMessage(
    string Topic,
    byte[] Payload,
    int Qos,
    bool Retain,
    IReadOnlyList<KeyValuePair<string, string>> UserProperties);
