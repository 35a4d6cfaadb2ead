using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>
/// W3C trace context through the embedded broker in MQTT 5 user properties: a device's <c>traceparent</c> reaches the
/// flow, and what the flow publishes carries the trace on to subscribed clients. One class, so its hubs never run
/// side by side (the hub's activity source is static: a listening hub would trace the other's messages too).
/// </summary>
public sealed class TraceContextTests
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string DeviceTraceParent = $"00-{TraceId}-00f067aa0ba902b7-01";

    [Fact]
    public async Task With_tracing_on_a_devices_traceparent_continues_into_the_published_message_with_the_hubs_publish_span()
    {
        // A collector that is not there: the hub traces and tries to export, exactly as configured in production.
        await using var hub = await EmbeddedHub.StartAsync(("Hub:Telemetry:OtlpEndpoint", "http://127.0.0.1:9"));

        var parent = await RelayAsync(hub);

        var parts = parent.Split('-');
        Assert.Equal(4, parts.Length);
        Assert.Equal(TraceId, parts[1]);
        Assert.NotEqual("00f067aa0ba902b7", parts[2]);
    }

    [Fact]
    public async Task With_tracing_off_a_devices_traceparent_passes_through_unchanged()
    {
        await using var hub = await EmbeddedHub.StartAsync();

        Assert.Equal(DeviceTraceParent, await RelayAsync(hub));
    }

    /// <summary>A device publishes a reading with a traceparent; the traceparent of what another device receives from the flow.</summary>
    private static async Task<string> RelayAsync(EmbeddedHub hub)
    {
        await Flows.DeployAsync(hub.Client, Flows.Relay("traced", "traced/+/in", "traced/{{payload.lot}}/out"));
        var sensor = await hub.IssueAsync("traffic", "traced sensor", "traced/+/in");
        var watcher = await hub.IssueAsync("traffic", "traced watcher");

        var received = new ConcurrentQueue<MqttApplicationMessage>();
        using var subscriber = new MqttClientFactory().CreateMqttClient();
        subscriber.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        await subscriber.ConnectAsync(hub.Options(watcher).Build());
        await subscriber.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("traced/+/out", MqttQualityOfServiceLevel.AtLeastOnce).Build());

        using var device = new MqttClientFactory().CreateMqttClient();
        await device.ConnectAsync(hub.Options(sensor).Build());
        await device.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("traced/LH-9/in")
            .WithPayload("""{"lot":"LH-9","free":3}""")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithUserProperty("traceparent", Encoding.UTF8.GetBytes(DeviceTraceParent))
            .Build());

        await Poll.UntilAsync(() => !received.IsEmpty, TimeSpan.FromSeconds(20), "the flow's message at the subscribed device");
        var message = Assert.Single(received);
        Assert.Equal("traced/LH-9/out", message.Topic);
        MqttUserProperty? traceParent = message.UserProperties?.SingleOrDefault(p => p.Name == "traceparent");
        Assert.True(traceParent is not null, "the published message has a traceparent user property");
        return traceParent.ReadValueAsString();
    }
}
