using System.Buffers.Text;
using System.Diagnostics;
using Luohu.Hub.Runtime.Mqtt.Transport;

namespace Luohu.Hub.LoadHarness;

/// <summary>Connects a transport and records the latency of each message from the send stamp in its payload.</summary>
internal sealed class Receiver(string? subscription) : IMqttTransportHandler
{
    private readonly List<double> _latenciesMs = new(1 << 20);
    private volatile bool _ready;

    public bool Ready => _ready;

    public long LastReceivedTicks { get; private set; }

    public List<double> TakeLatencies()
    {
        lock (_latenciesMs)
        {
            var copy = new List<double>(_latenciesMs);
            _latenciesMs.Clear();
            return copy;
        }
    }

    public void OnConnected(IMqttTransport transport, bool sessionPresent)
    {
        if (subscription is not null)
        {
            transport.Subscribe(subscription, 1, 0);
        }

        _ready = true;
    }

    public void OnDisconnected(IMqttTransport transport, string reason) => _ready = false;

    public void OnMessage(IMqttTransport transport, MqttInboundMessage message)
    {
        // Payload: {"t":<Stopwatch ticks>,"pad":"..."}; the stamp starts at byte 5.
        var now = Stopwatch.GetTimestamp();
        var span = message.Payload.AsSpan(5);
        if (Utf8Parser.TryParse(span, out long sent, out _))
        {
            lock (_latenciesMs)
            {
                _latenciesMs.Add((now - sent) * 1000.0 / Stopwatch.Frequency);
            }
        }

        LastReceivedTicks = now;
    }

    public void OnPublished(IMqttTransport transport, int messageId, int reasonCode)
    {
    }
}
