using Luohu.Hub.Runtime.Mqtt.Transport;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>
/// The experiment behind the bridge's at-least-once design: libmosquitto 2.0.11 queues the PUBACK before calling
/// on_message, but our transport's network thread writes it only after the callback returned. The broker's own log
/// ("Received PUBACK from …") is the witness.
/// </summary>
public sealed class PubackOrderTests
{
    [Fact]
    public async Task PubackIsSentOnlyAfterTheMessageCallbackReturns()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var release = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        var clientId = "puback-probe";
        using var subscriber = await TestClient.ConnectAsync(
            new MqttTransportOptions { Host = "127.0.0.1", Port = broker.Port, ClientId = clientId, CleanStart = false, SessionExpirySeconds = 300 },
            "probe/#");
        subscriber.OnMessage = (_, _) =>
        {
            entered.Set();
            release.Wait(TimeSpan.FromSeconds(30));
        };
        using var publisher = await TestClient.ConnectAsync(broker.Port);

        publisher.Publish("probe/1", "{}");
        await Poll.UntilAsync(() => entered.IsSet, TimeSpan.FromSeconds(10), "the callback entered");
        // While the callback holds, give the network a generous moment to carry any PUBACK already written.
        await Poll.UntilAsync(() => broker.Log.Contains($"Sending PUBLISH to {clientId}", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "broker sent the message");
        await Task.Delay(500);
        var pubackDuringCallback = broker.Log.Contains($"Received PUBACK from {clientId}", StringComparison.Ordinal);
        release.Set();

        Assert.False(pubackDuringCallback, "the PUBACK reached the broker while on_message was still running");
        await Poll.UntilAsync(() => broker.Log.Contains($"Received PUBACK from {clientId}", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "PUBACK after the callback returned");
    }
}
