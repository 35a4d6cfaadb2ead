using MQTTnet;
using MQTTnet.Protocol;

namespace Luohu.Hub.LoadHarness.Soak;

/// <summary>
/// One MQTT 5 connection to the soak's broker that comes back by itself: a persistent session (the broker queues QoS 1
/// messages for it while it is away), reconnects every 200 ms until it is in, and subscribes again when the broker
/// forgot the session. The broker restarts under it several times a run.
/// </summary>
internal sealed class SoakConnection : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly MqttClientOptions _options;
    private readonly string? _subscription;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private long _reconnects = -1;

    public SoakConnection(int port, string clientId, string? subscription = null, Func<MqttApplicationMessageReceivedEventArgs, Task>? onMessage = null)
    {
        _options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(clientId)
            .WithCleanStart(false).WithSessionExpiryInterval(24 * 3600).WithTimeout(TimeSpan.FromSeconds(10))
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(5)).Build();
        _subscription = subscription;
        if (onMessage is not null)
        {
            _client.ApplicationMessageReceivedAsync += onMessage;
        }
    }

    /// <summary>Connections made after the first.</summary>
    public long Reconnects => Math.Max(0, Interlocked.Read(ref _reconnects));

    public bool IsConnected => _client.IsConnected;

    /// <summary>The client, connected (waiting for the broker as long as it takes).</summary>
    public async ValueTask<IMqttClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            return _client;
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            while (!_client.IsConnected)
            {
                try
                {
                    var result = await _client.ConnectAsync(_options, cancellationToken);
                    Interlocked.Increment(ref _reconnects);
                    if (_subscription is not null && !result.IsSessionPresent)
                    {
                        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(_subscription, MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
                    }
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(200, cancellationToken);
                }
            }

            return _client;
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync();
            }
            catch (Exception)
            {
                // Going anyway.
            }
        }

        _client.Dispose();
        _connecting.Dispose();
    }
}
