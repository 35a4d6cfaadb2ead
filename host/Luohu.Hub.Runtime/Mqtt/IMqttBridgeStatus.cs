namespace Luohu.Hub.Runtime.Mqtt;

/// <summary>The bridge's state for <c>/api/v1/mqtt</c> and <c>/healthz</c>; a disabled state when no broker is configured.</summary>
internal interface IMqttBridgeStatus
{
    MqttBridgeState GetState();
}
