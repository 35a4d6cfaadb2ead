using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Host.Tests;
using MQTTnet;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>Retained messages and persistent sessions of the embedded broker outlive a hub restart (files in the data folder).</summary>
public sealed class EmbeddedBrokerRestartTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_retained_message_is_delivered_to_a_new_subscriber_after_the_hub_restarted()
    {
        await using var hub = await EmbeddedHub.StartAsync();
        var device = await hub.IssueAsync("traffic", "config writer");
        await using (var writer = await TestClient.ConnectAsync(hub.Options(device).Build(), []))
        {
            await writer.PublishAsync("sensors/parking/LH-9/config", """{"total":240}""", retain: true);
        }

        await hub.BrokerStateWhenAsync(s => s["retainedMessages"]!.GetValue<int>() == 1, "the retained message kept");
        await hub.RestartAsync();
        await using var reader = await TestClient.ConnectAsync(hub.Options(device).Build(), ["sensors/parking/+/config"]);

        await Poll.UntilAsync(() => !reader.Received.IsEmpty, Deadline, "the retained message after the restart");
        Assert.Equal(240, JsonNode.Parse(Assert.Single(reader.Received).Payload)!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_persistent_session_keeps_its_subscription_and_the_messages_queued_while_its_client_and_the_hub_were_away()
    {
        await using var hub = await EmbeddedHub.StartAsync();
        var device = await hub.IssueAsync("traffic", "signal controller");
        var persistent = hub.Options(device, "signal-LH-X005").WithCleanStart(false).WithSessionExpiryInterval(3600).Build();
        using (var client = new MqttClientFactory().CreateMqttClient())
        {
            await client.ConnectAsync(persistent);
            await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("signals/LH-X005/commands", MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build());
            await client.DisconnectAsync();
        }

        await PublishAsync(hub, 1);
        // The API answers when the command is on the bus; the restart must come after the broker has queued it.
        await hub.BrokerStateWhenAsync(s => s["delivered"]!.GetValue<long>() >= 1, "the first command handed to the broker");
        await hub.RestartAsync();
        await PublishAsync(hub, 2);
        var received = new System.Collections.Concurrent.ConcurrentQueue<int>();
        using var back = new MqttClientFactory().CreateMqttClient();
        back.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue(JsonNode.Parse(e.ApplicationMessage.ConvertPayloadToString())!["n"]!.GetValue<int>());
            return Task.CompletedTask;
        };

        await back.ConnectAsync(persistent);

        await Poll.UntilAsync(() => received.Count >= 2, Deadline, "both queued commands without subscribing again");
        Assert.Equal([1, 2], received.Order());
        await PublishAsync(hub, 3);
        await Poll.UntilAsync(() => received.Contains(3), Deadline, "a live command through the restored subscription");
    }

    private static async Task PublishAsync(EmbeddedHub hub, int n) =>
        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsJsonAsync(new Uri("/api/v1/messages", UriKind.Relative),
            new { topic = "signals/LH-X005/commands", payload = new { n } }));
}
