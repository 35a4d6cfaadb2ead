namespace Luohu.Hub.Runtime.Mqtt;

/// <summary>A bus message on its way to the broker; <see cref="Token"/> is the inbound delivery it was caused by, if followed.</summary>
internal sealed record MqttOutboundItem(string Topic, ReadOnlyMemory<byte> Payload, string? Token);
