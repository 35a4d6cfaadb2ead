using System.Diagnostics;
using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace Luohu.Hub.LoadHarness.Soak;

/// <summary>
/// The soak's devices: 8 connections (one topic each, <c>soak/in/0…7</c>) publishing <c>{"t":ticks,"k":key,…}</c> at
/// QoS 1, paced in 1 ms ticks to the offered rate, up to 2,000 unconfirmed. A message counts as <b>in</b> when the broker
/// confirmed it (PUBACK); one whose connection dropped before that is sent again once the device is back (at least once,
/// as a real device with a buffer does), so a broker restart delays messages and loses none on this side. The stamp is
/// taken when the message is made, so latency includes the wait of a message made while the broker was down.
/// </summary>
internal sealed class SoakPublisher(int port, KeySet confirmed) : IAsyncDisposable
{
    public const int Devices = 8;
    private const int Window = 2000;
    private static readonly string Pad = new('x', 64);

    private readonly SoakConnection[] _devices = [.. Enumerable.Range(0, Devices).Select(i => new SoakConnection(port, $"soak-device-{i}"))];
    private readonly SemaphoreSlim _window = new(Window, Window);
    private long _generated;
    private long _confirmed;
    private long _retries;

    public long Generated => Interlocked.Read(ref _generated);

    public long Confirmed => Interlocked.Read(ref _confirmed);

    public long Retries => Interlocked.Read(ref _retries);

    public long Reconnects => _devices.Sum(d => d.Reconnects);

    /// <summary>Publishes at <paramref name="rate"/> messages a second until <paramref name="stop"/>, then waits (at most
    /// <paramref name="settle"/>) for the unconfirmed ones.</summary>
    public async Task RunAsync(int rate, TimeSpan settle, CancellationToken stop)
    {
        using var abandon = new CancellationTokenSource();
        var started = Stopwatch.GetTimestamp();
        long key = 0;
        try
        {
            while (!stop.IsCancellationRequested && key < confirmed.Capacity)
            {
                var due = Math.Min(confirmed.Capacity, (long)(Stopwatch.GetElapsedTime(started).TotalSeconds * rate) + 1);
                for (; key < due && !stop.IsCancellationRequested; key++)
                {
                    await _window.WaitAsync(stop);
                    var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"t\":{Stopwatch.GetTimestamp()},\"k\":{key},\"pad\":\"{Pad}\"}}"));
                    var device = (int)(key % Devices);
                    var message = new MqttApplicationMessage { Topic = $"soak/in/{device}", PayloadSegment = payload, QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce };
                    Interlocked.Increment(ref _generated);
                    _ = PublishAsync(_devices[device], message, key, abandon.Token);
                }

                // Paced, not spinning: a spinning generator takes one of the two cores and measures the starvation it causes.
                await Task.Delay(1, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over: stop making messages.
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(settle.TotalSeconds * Stopwatch.Frequency);
        while (_window.CurrentCount < Window && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(100, CancellationToken.None);
        }

        await abandon.CancelAsync();
    }

    private async Task PublishAsync(SoakConnection device, MqttApplicationMessage message, long key, CancellationToken abandon)
    {
        try
        {
            while (!abandon.IsCancellationRequested)
            {
                try
                {
                    var client = await device.ConnectedAsync(abandon);
                    var result = await client.PublishAsync(message, abandon);
                    if ((int)result.ReasonCode < 0x80)
                    {
                        confirmed.Add(key);
                        Interlocked.Increment(ref _confirmed);
                        return;
                    }
                }
                catch (Exception) when (!abandon.IsCancellationRequested)
                {
                    // The connection went (broker restart): send it again once the device is back.
                }

                Interlocked.Increment(ref _retries);
                await Task.Delay(100, abandon);
            }
        }
        catch (OperationCanceledException)
        {
            // Given up at the end of the run; counted as generated, not in.
        }
        finally
        {
            _window.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var device in _devices)
        {
            await device.DisposeAsync();
        }

        _window.Dispose();
    }
}
