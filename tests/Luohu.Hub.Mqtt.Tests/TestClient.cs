using System.Collections.Concurrent;
using System.Text;
using Luohu.Hub.Runtime.Mqtt.Transport;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>A test's own MQTT client (the same libmosquitto transport) that records what it receives.</summary>
public sealed class TestClient : IDisposable
{
    private readonly Handler _handler = new();
    private readonly IMqttTransport _transport;
    private readonly string[] _subscriptions;

    private TestClient(IMqttTransport transport, string[] subscriptions)
    {
        _transport = transport;
        _subscriptions = subscriptions;
        _handler.Owner = this;
    }

    public ConcurrentQueue<(string Topic, string Payload)> Received { get; } = new();

    /// <summary>Called on the network thread for each message before it is acknowledged.</summary>
    public Action<string, string>? OnMessage { get; set; }

    public static async Task<TestClient> ConnectAsync(int port, params string[] subscriptions) =>
        await ConnectAsync(new MqttTransportOptions { Host = "127.0.0.1", Port = port, ClientId = "test-" + Guid.NewGuid().ToString("N")[..8], CleanStart = true }, subscriptions);

    /// <summary>A persistent session (clean start off, one hour expiry): the broker keeps its subscriptions and queues for it
    /// while it or the broker is away, provided the broker saved its state (SIGTERM).</summary>
    public static async Task<TestClient> ConnectPersistentAsync(int port, string clientId, params string[] subscriptions) =>
        await ConnectAsync(new MqttTransportOptions
        {
            Host = "127.0.0.1", Port = port, ClientId = clientId, CleanStart = false, SessionExpirySeconds = 3600,
            ReconnectMin = TimeSpan.FromMilliseconds(100), ReconnectMax = TimeSpan.FromSeconds(1),
        }, subscriptions);

    internal static async Task<TestClient> ConnectAsync(MqttTransportOptions options, params string[] subscriptions)
    {
        var client = new TestClient(new MosquittoTransport(options), subscriptions);
        client._transport.Start(client._handler);
        await Poll.UntilAsync(() => client._handler.Subscribed, TimeSpan.FromSeconds(10), "test client connected and subscribed");
        return client;
    }

    public void Publish(string topic, string payload, int qos = 1) => Publish(topic, Encoding.UTF8.GetBytes(payload), qos);

    public void Publish(string topic, byte[] payload, int qos = 1)
    {
        while (true)
        {
            try
            {
                _transport.Publish(topic, payload, qos, retain: false);
                return;
            }
            catch (MqttTransportException) when (!_transport.IsConnected)
            {
                Thread.Sleep(20);
            }
        }
    }

    public void Dispose() => _transport.Dispose();

    private sealed class Handler : IMqttTransportHandler
    {
        public TestClient Owner { get; set; } = null!;
        public volatile bool Subscribed;

        public void OnConnected(IMqttTransport transport, bool sessionPresent)
        {
            foreach (var filter in Owner._subscriptions)
            {
                transport.Subscribe(filter, 1, 0);
            }

            // SUBACK is not reported; the subscriptions are queued before any later publish of ours on this connection.
            Subscribed = true;
        }

        public void OnDisconnected(IMqttTransport transport, string reason)
        {
        }

        public void OnMessage(IMqttTransport transport, MqttInboundMessage message)
        {
            var text = Encoding.UTF8.GetString(message.Payload);
            Owner.OnMessage?.Invoke(message.Topic, text);
            Owner.Received.Enqueue((message.Topic, text));
        }

        public void OnPublished(IMqttTransport transport, int messageId, int reasonCode)
        {
        }
    }
}
