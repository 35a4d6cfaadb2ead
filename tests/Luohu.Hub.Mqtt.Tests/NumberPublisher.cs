using System.Text;
using Luohu.Hub.Runtime.Mqtt.Transport;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>
/// Publishes numbered QoS 1 messages and remembers which ones the broker confirmed (PUBACK), so that it can publish the
/// unconfirmed ones again after the broker went away: the at-least-once publisher a sensor gateway would be.
/// </summary>
internal sealed class NumberPublisher : IMqttTransportHandler, IDisposable
{
    private readonly MosquittoTransport _transport;
    private readonly string _topic;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, int> _numberByMessageId = [];
    private readonly HashSet<int> _confirmed = [];

    public NumberPublisher(int port, string topic)
    {
        _topic = topic;
        _transport = new MosquittoTransport(new MqttTransportOptions
        {
            Host = "127.0.0.1", Port = port, ClientId = "numbers-" + Guid.NewGuid().ToString("N")[..8], CleanStart = true,
            ReconnectMin = TimeSpan.FromMilliseconds(100), ReconnectMax = TimeSpan.FromSeconds(1),
        });
        _transport.Start(this);
    }

    public bool IsConnected => _transport.IsConnected;

    public int ConfirmedCount
    {
        get
        {
            lock (_gate)
            {
                return _confirmed.Count;
            }
        }
    }

    /// <summary>Publishes <paramref name="n"/>, waiting out a disconnected client (the broker is away) up to the deadline.</summary>
    public void Publish(int n, DateTime deadline)
    {
        var payload = Encoding.UTF8.GetBytes($$"""{"n":{{n}}}""");
        while (true)
        {
            try
            {
                lock (_gate)
                {
                    _numberByMessageId[_transport.Publish(_topic, payload, 1, retain: false)] = n;
                }

                return;
            }
            catch (MqttTransportException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
        }
    }

    public IReadOnlyList<int> Unconfirmed(int count)
    {
        lock (_gate)
        {
            return [.. Enumerable.Range(0, count).Where(n => !_confirmed.Contains(n))];
        }
    }

    public void OnConnected(IMqttTransport transport, bool sessionPresent)
    {
    }

    public void OnDisconnected(IMqttTransport transport, string reason)
    {
    }

    public void OnMessage(IMqttTransport transport, MqttInboundMessage message)
    {
    }

    public void OnPublished(IMqttTransport transport, int messageId, int reasonCode)
    {
        lock (_gate)
        {
            if (reasonCode < 128 && _numberByMessageId.Remove(messageId, out var n))
            {
                _confirmed.Add(n);
            }
        }
    }

    public void Dispose() => _transport.Dispose();
}
