using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Luohu.Hub.Mqtt.Bridge;

/// <summary>MQTTnet client options from <c>Hub:Mqtt</c>: address, protocol, session, credentials, TLS, last will.</summary>
internal static class MqttClientOptionsFactory
{
    public static MqttClientOptions Create(MqttOptions options, MqttBrokerAddress address, string clientId, bool withWill)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(address.Host, address.Port)
            .WithClientId(clientId)
            .WithProtocolVersion(options.ProtocolVersion == "3.1.1" ? MqttProtocolVersion.V311 : MqttProtocolVersion.V500)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(options.KeepAliveSeconds))
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithCleanStart(options.CleanStart);
        if (options.ProtocolVersion != "3.1.1")
        {
            // MQTT 3.1.1 has no Receive Maximum: there the broker's own in-flight limit alone bounds the messages in processing.
            builder.WithReceiveMaximum((ushort)Math.Clamp(options.ReceiveMaximum, 1, ushort.MaxValue));
            if (!options.CleanStart)
            {
                builder.WithSessionExpiryInterval(options.SessionExpirySeconds);
            }
        }

        if (options.Username is not null)
        {
            builder.WithCredentials(options.Username, options.Password);
        }

        if (address.UseTls)
        {
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls().WithTargetHost(address.Host);
                if (options.CaFile is not null)
                {
                    // A district CA usually publishes no revocation list; the chain must end at this CA.
                    var trusted = new X509Certificate2Collection();
                    trusted.ImportFromPemFile(options.CaFile);
                    tls.WithTrustChain(trusted).WithRevocationMode(X509RevocationMode.NoCheck);
                }

                if (options.CertFile is not null && options.KeyFile is not null)
                {
                    using var pem = X509Certificate2.CreateFromPemFile(options.CertFile, options.KeyFile);
                    // SslStream on Linux needs the key in a persisted form, not the ephemeral one a PEM load gives.
                    tls.WithClientCertificates([X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null)]);
                }
            });
        }

        if (withWill && options.LastWill is { } will)
        {
            builder.WithWillTopic(will.Topic)
                .WithWillPayload(will.Payload)
                .WithWillQualityOfServiceLevel((MqttQualityOfServiceLevel)will.Qos)
                .WithWillRetain(will.Retain);
        }

        return builder.Build();
    }
}
