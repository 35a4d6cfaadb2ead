using System.Buffers;
using MQTTnet;
using MQTTnet.Protocol;

namespace Luohu.Hub.Mqtt.Broker;

/// <summary>A message as the broker's files keep it (retained messages, a session's queue).</summary>
internal sealed record StoredMessage(string Topic, byte[] Payload, int Qos, bool Retain)
{
    public static StoredMessage Of(MqttApplicationMessage message) =>
        new(message.Topic, message.Payload.ToArray(), (int)message.QualityOfServiceLevel, message.Retain);

    public MqttApplicationMessage ToMessage() => new()
    {
        Topic = Topic,
        Payload = new ReadOnlySequence<byte>(Payload),
        QualityOfServiceLevel = (MqttQualityOfServiceLevel)Qos,
        Retain = Retain,
    };
}
