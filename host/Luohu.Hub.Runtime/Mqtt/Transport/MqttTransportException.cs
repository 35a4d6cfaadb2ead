namespace Luohu.Hub.Runtime.Mqtt.Transport;

/// <summary>The MQTT client refused an operation (not connected, invalid topic, payload too large, …).</summary>
public sealed class MqttTransportException : Exception
{
    public MqttTransportException()
    {
    }

    public MqttTransportException(string message)
        : base(message)
    {
    }

    public MqttTransportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
