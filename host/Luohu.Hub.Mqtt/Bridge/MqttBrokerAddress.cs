namespace Luohu.Hub.Mqtt.Bridge;

/// <summary><c>Hub:Mqtt:Url</c> parsed.</summary>
internal sealed record MqttBrokerAddress(string Host, int Port, bool UseTls)
{
    public static MqttBrokerAddress Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "mqtt" && uri.Scheme != "mqtts") || string.IsNullOrEmpty(uri.Host))
        {
            throw new InvalidOperationException(
                $"Hub:Mqtt:Url '{url}' is not a broker address; write mqtt://host:1883 or mqtts://host:8883 (remove the setting to run without a broker).");
        }

        var tls = uri.Scheme == "mqtts";
        return new MqttBrokerAddress(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? (tls ? 8883 : 1883) : uri.Port, tls);
    }

    public override string ToString() => $"{(UseTls ? "mqtts" : "mqtt")}://{Host}:{Port}";
}
