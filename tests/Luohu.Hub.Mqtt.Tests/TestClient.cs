using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>A test's own MQTTnet client that records what it receives and reconnects (resubscribing) when the broker comes back.</summary>
public sealed class TestClient : IAsyncDisposable, IDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly MqttClientOptions _options;
    private readonly string[] _subscriptions;
    private readonly MqttQualityOfServiceLevel _subscribeQos;
    private volatile bool _disposed;

    private TestClient(MqttClientOptions options, string[] subscriptions, MqttQualityOfServiceLevel subscribeQos)
    {
        _options = options;
        _subscriptions = subscriptions;
        _subscribeQos = subscribeQos;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var text = Encoding.UTF8.GetString(e.ApplicationMessage.Payload);
            OnMessage?.Invoke(e.ApplicationMessage.Topic, text);
            Received.Enqueue((e.ApplicationMessage.Topic, text));
            return Task.CompletedTask;
        };
        _client.DisconnectedAsync += async e =>
        {
            while (!_disposed && e.ClientWasConnected && !_client.IsConnected)
            {
                await Task.Delay(100);
                try
                {
                    await ConnectAndSubscribeAsync();
                }
                catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
                {
                    // The broker is still away.
                }
            }
        };
    }

    public ConcurrentQueue<(string Topic, string Payload)> Received { get; } = new();

    /// <summary>Called for each message before it is acknowledged.</summary>
    public Action<string, string>? OnMessage { get; set; }

    public string ClientId => _options.ClientId;

    public static MqttClientOptionsBuilder Options(int port, string? clientId = null) => new MqttClientOptionsBuilder()
        .WithTcpServer("127.0.0.1", port)
        .WithClientId(clientId ?? "test-" + Guid.NewGuid().ToString("N")[..8])
        .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
        .WithCleanStart();

    public static Task<TestClient> ConnectAsync(int port, params string[] subscriptions) => ConnectAsync(Options(port).Build(), subscriptions);

    /// <summary>A persistent session (clean start off, one hour expiry): the broker keeps its subscriptions and queues for it
    /// while it or the broker is away, provided the broker saved its state (SIGTERM).</summary>
    public static Task<TestClient> ConnectPersistentAsync(int port, string clientId, params string[] subscriptions) =>
        ConnectAsync(Options(port, clientId).WithCleanStart(false).WithSessionExpiryInterval(3600).Build(), subscriptions);

    public static async Task<TestClient> ConnectAsync(MqttClientOptions options, string[] subscriptions, MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce)
    {
        var client = new TestClient(options, subscriptions, qos);
        await client.ConnectAndSubscribeAsync();
        return client;
    }

    /// <summary>Publishes, waiting out a disconnected client (the broker is away) for up to 30 s; returns the broker's answer.</summary>
    public async Task<MqttClientPublishResult> PublishAsync(string topic, string payload, int qos = 1, bool retain = false)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                    .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qos).WithRetainFlag(retain).Build());
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or MQTTnet.Exceptions.MqttClientNotConnectedException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync();
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                // Already gone.
            }
        }

        _client.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task ConnectAndSubscribeAsync()
    {
        await _client.ConnectAsync(_options);
        if (_subscriptions.Length > 0)
        {
            var subscribe = new MqttClientSubscribeOptionsBuilder();
            foreach (var filter in _subscriptions)
            {
                subscribe.WithTopicFilter(filter, _subscribeQos);
            }

            var result = await _client.SubscribeAsync(subscribe.Build());
            foreach (var item in result.Items)
            {
                if ((int)item.ResultCode >= 0x80)
                {
                    throw new InvalidOperationException($"subscription to '{item.TopicFilter.Topic}' refused: {item.ResultCode}");
                }
            }
        }
    }
}
