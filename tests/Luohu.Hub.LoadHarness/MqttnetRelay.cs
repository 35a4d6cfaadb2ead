using MQTTnet;
using MQTTnet.Protocol;

namespace Luohu.Hub.LoadHarness;

/// <summary>
/// The path without the hub: two MQTTnet connections that pass every message from the input filter to one output
/// topic, QoS 1 acknowledged after the broker confirmed the copy (as the hub does), many at once.
/// </summary>
internal sealed class MqttnetRelay : IAsyncDisposable
{
    private readonly IMqttClient _in = new MqttClientFactory().CreateMqttClient();
    private readonly IMqttClient _out = new MqttClientFactory().CreateMqttClient();

    public static async Task<MqttnetRelay> StartAsync(int port, string filter, string outTopic, MqttQualityOfServiceLevel qos)
    {
        var relay = new MqttnetRelay();
        relay._in.ApplicationMessageReceivedAsync += e =>
        {
            e.AutoAcknowledge = false;
            _ = relay.ForwardAsync(e, outTopic, qos);
            return Task.CompletedTask;
        };
        await relay._out.ConnectAsync(Options(port, "relay-out").Build());
        await relay._in.ConnectAsync(Options(port, "relay-in").WithReceiveMaximum(1000).Build());
        await relay._in.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, qos).Build());
        return relay;
    }

    public async ValueTask DisposeAsync()
    {
        await _in.DisconnectAsync();
        await _out.DisconnectAsync();
        _in.Dispose();
        _out.Dispose();
    }

    private static MqttClientOptionsBuilder Options(int port, string id) =>
        new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(id + "-" + Guid.NewGuid().ToString("N")[..6]).WithCleanStart();

    private async Task ForwardAsync(MqttApplicationMessageReceivedEventArgs e, string outTopic, MqttQualityOfServiceLevel qos)
    {
        await _out.PublishAsync(new MqttApplicationMessage { Topic = outTopic, Payload = e.ApplicationMessage.Payload, QualityOfServiceLevel = qos });
        await e.AcknowledgeAsync(CancellationToken.None);
    }
}
