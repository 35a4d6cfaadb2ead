using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using MQTTnet;
using MQTTnet.Protocol;

namespace Luohu.Hub.LoadHarness;

/// <summary>An MQTTnet subscriber that records each message's latency from the send stamp in its payload.</summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly List<double> _latenciesMs = new(1 << 20);
    private long _lastReceivedTicks;

    private Receiver()
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            // Payload: {"t":<Stopwatch ticks>,...}; the stamp starts at byte 5.
            var now = Stopwatch.GetTimestamp();
            var payload = e.ApplicationMessage.Payload;
            var bytes = payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray();
            if (bytes.Length > 5 && Utf8Parser.TryParse(bytes[5..], out long sent, out _))
            {
                lock (_latenciesMs)
                {
                    _latenciesMs.Add((now - sent) * 1000.0 / Stopwatch.Frequency);
                }
            }

            Volatile.Write(ref _lastReceivedTicks, now);
            return Task.CompletedTask;
        };
    }

    public long LastReceivedTicks => Volatile.Read(ref _lastReceivedTicks);

    public static async Task<Receiver> ConnectAsync(int port, string filter, MqttQualityOfServiceLevel qos, string? user = null, string? password = null)
    {
        var receiver = new Receiver();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("load-recv-" + Guid.NewGuid().ToString("N")[..6]).WithCleanStart();
        if (user is not null)
        {
            options.WithCredentials(user, password);
        }

        await receiver._client.ConnectAsync(options.Build());
        var result = await receiver._client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, qos).Build());
        if ((int)result.Items.First().ResultCode >= 0x80)
        {
            throw new InvalidOperationException($"the receiver may not subscribe to '{filter}': {result.Items.First().ResultCode}");
        }

        return receiver;
    }

    public List<double> TakeLatencies()
    {
        lock (_latenciesMs)
        {
            var copy = new List<double>(_latenciesMs);
            _latenciesMs.Clear();
            return copy;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
