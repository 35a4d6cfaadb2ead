using System.Diagnostics;
using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace Luohu.Hub.LoadHarness;

/// <summary>
/// The load generator, run as its own process (<c>generate port topic rate seconds qos [user password]</c>) so that it
/// never shares the hub's process: it publishes <c>{"t":&lt;Stopwatch ticks&gt;,"k":n,"pad":…}</c> paced in ~1 ms ticks
/// as 8 devices (one connection and one topic each, …/0 … /7) with up to 1,000 QoS 1 publishes unconfirmed, then prints
/// <c>sent N confirmed M</c>. Stopwatch ticks are the machine's monotonic clock, the same in every process.
/// </summary>
internal static class Generator
{
    public const int PadBytes = 64;
    public const int Topics = 8;

    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(args[1], CultureInfo.InvariantCulture);
        var topic = args[2];
        var rate = int.Parse(args[3], CultureInfo.InvariantCulture);
        var seconds = double.Parse(args[4], CultureInfo.InvariantCulture);
        var qos = (MqttQualityOfServiceLevel)int.Parse(args[5], CultureInfo.InvariantCulture);
        var clients = new IMqttClient[Topics];
        for (var i = 0; i < Topics; i++)
        {
            var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId($"load-gen-{Environment.ProcessId}-{i}")
                .WithCleanStart().WithTimeout(TimeSpan.FromSeconds(30));
            if (args.Length > 7)
            {
                options.WithCredentials(args[6], args[7]);
            }

            clients[i] = new MqttClientFactory().CreateMqttClient();
            await clients[i].ConnectAsync(options.Build());
        }

        using var window = new SemaphoreSlim(1000);
        var confirmed = 0;
        var total = (int)(rate * seconds);
        var pad = new string('x', PadBytes);
        var topics = Enumerable.Range(0, Topics).Select(i => $"{topic}/{i}").ToArray();
        var started = Stopwatch.GetTimestamp();
        var pending = new List<Task>();
        for (var sent = 0; sent < total;)
        {
            var due = Math.Min(total, (int)(Stopwatch.GetElapsedTime(started).TotalSeconds * rate) + 1);
            for (; sent < due; sent++)
            {
                var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"t\":{Stopwatch.GetTimestamp()},\"k\":{sent},\"pad\":\"{pad}\"}}"));
                var message = new MqttApplicationMessage { Topic = topics[sent % Topics], PayloadSegment = payload, QualityOfServiceLevel = qos };
                var client = clients[sent % Topics];
                if (qos == MqttQualityOfServiceLevel.AtMostOnce)
                {
                    await client.PublishAsync(message);
                    continue;
                }

                await window.WaitAsync();
                pending.Add(PublishAsync(client, message, window, () => Interlocked.Increment(ref confirmed)));
            }

            // Paced, not spinning: a spinning generator takes one of the machine's two cores and measures the starvation it causes.
            Thread.Sleep(1);
        }

        await Task.WhenAll(pending);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sent {total} confirmed {(qos == MqttQualityOfServiceLevel.AtMostOnce ? total : confirmed)} in {Stopwatch.GetElapsedTime(started).TotalSeconds:F2}s"));
        foreach (var client in clients)
        {
            await client.DisconnectAsync();
            client.Dispose();
        }

        return 0;
    }

    private static async Task PublishAsync(IMqttClient client, MqttApplicationMessage message, SemaphoreSlim window, Action onConfirmed)
    {
        try
        {
            var result = await client.PublishAsync(message);
            if ((int)result.ReasonCode < 0x80)
            {
                onConfirmed();
            }
        }
        finally
        {
            window.Release();
        }
    }
}
