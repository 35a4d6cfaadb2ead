using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Protocol;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>
/// Publishes numbered QoS 1 messages, up to 100 unconfirmed at once, and remembers which ones the broker confirmed
/// (PUBACK), so that it can publish the unconfirmed ones again after the broker went away: the at-least-once publisher a
/// sensor gateway would be.
/// </summary>
internal sealed class NumberPublisher : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly MqttClientOptions _options;
    private readonly string _topic;
    private readonly ConcurrentDictionary<int, bool> _confirmed = new();
    private readonly SemaphoreSlim _window = new(100);
    private volatile bool _disposed;

    private NumberPublisher(int port, string topic)
    {
        _topic = topic;
        _options = TestClient.Options(port, "numbers-" + Guid.NewGuid().ToString("N")[..8]).Build();
        _client.DisconnectedAsync += async e =>
        {
            while (!_disposed && !_client.IsConnected)
            {
                await Task.Delay(100);
                try
                {
                    await _client.ConnectAsync(_options);
                }
                catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
                {
                    // The broker is still away.
                }
            }
        };
    }

    public bool IsConnected => _client.IsConnected;

    public static async Task<NumberPublisher> ConnectAsync(int port, string topic)
    {
        var publisher = new NumberPublisher(port, topic);
        await publisher._client.ConnectAsync(publisher._options);
        return publisher;
    }

    /// <summary>Starts publishing <paramref name="n"/> (waiting for room in the window and for a connection up to the deadline).</summary>
    public async Task PublishAsync(int n, DateTime deadline)
    {
        await _window.WaitAsync();
        _ = SendAsync(n, deadline);
    }

    public IReadOnlyList<int> Unconfirmed(int count) => [.. Enumerable.Range(0, count).Where(n => !_confirmed.ContainsKey(n))];

    /// <summary>Waits until nothing is in flight.</summary>
    public async Task DrainAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            await _window.WaitAsync();
        }

        _window.Release(100);
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _client.Dispose();
        await Task.CompletedTask;
    }

    private async Task SendAsync(int n, DateTime deadline)
    {
        try
        {
            var message = new MqttApplicationMessageBuilder().WithTopic(_topic).WithPayload($$"""{"n":{{n}}}""")
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    var result = await _client.PublishAsync(message);
                    if ((int)result.ReasonCode < 0x80)
                    {
                        _confirmed[n] = true;
                    }

                    return;
                }
                catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or MQTTnet.Exceptions.MqttClientNotConnectedException or OperationCanceledException)
                {
                    // Not confirmed: the broker went away. Try again once connected; the caller republishes what stays unconfirmed.
                    await Task.Delay(20);
                    if (!_client.IsConnected)
                    {
                        return;
                    }
                }
            }
        }
        finally
        {
            _window.Release();
        }
    }
}
