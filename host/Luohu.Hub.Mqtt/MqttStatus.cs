using Luohu.Hub.Mqtt.Bridge;
using Luohu.Hub.Mqtt.Broker;

namespace Luohu.Hub.Mqtt;

/// <summary>The bridge's state (or <see cref="MqttBridgeState.Disabled"/>) with the embedded broker's beside it.</summary>
internal sealed class MqttStatus(MqttBridge? bridge, EmbeddedBroker? broker) : IMqttStatus
{
    public MqttBridgeState GetState() =>
        (bridge?.GetState() ?? MqttBridgeState.Disabled) with { EmbeddedBroker = broker?.GetState() };
}
