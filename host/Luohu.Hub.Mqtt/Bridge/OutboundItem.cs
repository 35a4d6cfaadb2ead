using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Mqtt.Bridge;

/// <summary>A bus message on its way to the broker; <see cref="Delivery"/> is the inbound delivery it is part of, if any.</summary>
internal sealed record OutboundItem(string Topic, ReadOnlyMemory<byte> Payload, MessageDelivery? Delivery, List<MQTTnet.Packets.MqttUserProperty>? UserProperties = null);
