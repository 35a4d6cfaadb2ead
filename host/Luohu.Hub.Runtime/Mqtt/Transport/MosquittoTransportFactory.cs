namespace Luohu.Hub.Runtime.Mqtt.Transport;

/// <summary>The default transport: libmosquitto (Debian <c>libmosquitto1</c>).</summary>
internal sealed class MosquittoTransportFactory : IMqttTransportFactory
{
    public IMqttTransport Create(MqttTransportOptions options) => new MosquittoTransport(options);
}
