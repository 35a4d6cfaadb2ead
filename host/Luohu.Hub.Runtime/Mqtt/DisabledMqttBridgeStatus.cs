namespace Luohu.Hub.Runtime.Mqtt;

/// <summary>No broker configured: the hub runs on its in-process bus alone.</summary>
internal sealed class DisabledMqttBridgeStatus : IMqttBridgeStatus
{
    public MqttBridgeState GetState() => MqttBridgeState.Disabled;
}
