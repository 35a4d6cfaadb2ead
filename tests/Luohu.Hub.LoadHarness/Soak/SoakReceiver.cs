using System.Buffers;
using System.Diagnostics;
using System.Text.Json;

namespace Luohu.Hub.LoadHarness.Soak;

/// <summary>
/// What comes out of the hub on <c>soak/out/#</c>, through a persistent QoS 1 session (the broker keeps what the hub
/// publishes while this side or the broker is away): each key once in <see cref="Received"/>, the copies of a key
/// again as duplicates (at least once allows them), a message without a key as unexpected, the latency from the
/// device's stamp into the current minute's histogram.
/// </summary>
internal sealed class SoakReceiver : IAsyncDisposable
{
    private readonly SoakConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _keeper;
    private long _distinct;
    private long _duplicates;
    private long _unexpected;
    private long _lastTicks;

    public SoakReceiver(int port, KeySet received)
    {
        Received = received;
        _connection = new SoakConnection(port, "soak-receiver", "soak/out/#", OnMessageAsync);
        _keeper = Task.Run(KeepConnectedAsync);
    }

    public KeySet Received { get; }

    /// <summary>Latencies of the current minute; <see cref="TakeMinute"/> starts the next.</summary>
    public LatencyHistogram Minute { get; private set; } = new();

    public long Distinct => Interlocked.Read(ref _distinct);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Unexpected => Interlocked.Read(ref _unexpected);

    public long Reconnects => _connection.Reconnects;

    public TimeSpan SinceLast => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastTicks));

    public LatencyHistogram TakeMinute()
    {
        var minute = Minute;
        Minute = new LatencyHistogram();
        return minute;
    }

    public async Task WaitConnectedAsync(CancellationToken cancellationToken) => await _connection.ConnectedAsync(cancellationToken);

    private Task OnMessageAsync(MQTTnet.MqttApplicationMessageReceivedEventArgs e)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref _lastTicks, now);
        var payload = e.ApplicationMessage.Payload;
        try
        {
            var reader = new Utf8JsonReader(payload);
            long? key = null;
            long stamp = 0;
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString();
                    reader.Read();
                    if (name == "k" && reader.TokenType == JsonTokenType.Number)
                    {
                        key = reader.GetInt64();
                    }
                    else if (name == "t" && reader.TokenType == JsonTokenType.Number)
                    {
                        stamp = reader.GetInt64();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }

            if (key is not { } k || k < 0 || k >= Received.Capacity)
            {
                Interlocked.Increment(ref _unexpected);
            }
            else if (Received.Add(k))
            {
                Interlocked.Increment(ref _distinct);
                Minute.Add((now - stamp) * 1000.0 / Stopwatch.Frequency);
            }
            else
            {
                Interlocked.Increment(ref _duplicates);
            }
        }
        catch (JsonException)
        {
            Interlocked.Increment(ref _unexpected);
        }

        return Task.CompletedTask;
    }

    private async Task KeepConnectedAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await _connection.ConnectedAsync(_stop.Token);
                await Task.Delay(200, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _keeper;
        await _connection.DisposeAsync();
        _stop.Dispose();
    }
}
