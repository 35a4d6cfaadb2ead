namespace Luohu.Hub.Runtime.Mqtt.Transport;

/// <summary>Creates client connections; replace it (DI) to run the bridge on another MQTT client.</summary>
internal interface IMqttTransportFactory
{
    IMqttTransport Create(MqttTransportOptions options);
}
