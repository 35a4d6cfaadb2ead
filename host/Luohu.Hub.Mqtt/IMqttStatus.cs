using Luohu.Hub.Mqtt.Bridge;

namespace Luohu.Hub.Mqtt;

/// <summary>MQTT's state for <c>/api/v1/mqtt</c> and <c>/healthz</c>: the bridge (<c>enabled: false</c> without an external broker) and the embedded broker.</summary>
internal interface IMqttStatus
{
    MqttBridgeState GetState();
}
