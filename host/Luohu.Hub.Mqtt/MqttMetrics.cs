using System.Diagnostics.Metrics;
using Luohu.Hub.Mqtt.Bridge;
using Luohu.Hub.Mqtt.Broker;

namespace Luohu.Hub.Mqtt;

/// <summary>
/// MQTT counters as <c>System.Diagnostics.Metrics</c> instruments (meter <c>Luohu.Hub.Mqtt</c>), observed from the
/// Interlocked fields the hot path moves: no lock and no allocation per message. A hosted service only so that it
/// exists from the start.
/// </summary>
internal sealed class MqttMetrics : Microsoft.Extensions.Hosting.IHostedService, IDisposable
{
    public const string MeterName = "Luohu.Hub.Mqtt";

    private readonly Meter _meter = new(MeterName);

    public MqttMetrics(IServiceProvider services)
    {
        if (services.GetService(typeof(MqttBridge)) is MqttBridge bridge)
        {
            var c = bridge.Counters;
            Counter("luohu.mqtt.bridge.received", () => Interlocked.Read(ref c.Received), "messages from the external broker put on the bus");
            Counter("luohu.mqtt.bridge.sent", () => Interlocked.Read(ref c.Sent), "messages the external broker confirmed");
            Counter("luohu.mqtt.bridge.dropped", () => Interlocked.Read(ref c.Dropped), "outbound messages shed (queue full)");
            Counter("luohu.mqtt.bridge.rejected", () => Interlocked.Read(ref c.Rejected), "inbound messages refused");
            Counter("luohu.mqtt.bridge.ack_timeouts", () => Interlocked.Read(ref c.AckTimeouts), "inbound messages acknowledged after the processing timeout");
            _meter.CreateObservableGauge("luohu.mqtt.bridge.connected", () => bridge.GetState().Connected ? 1 : 0, unit: "{connection}", description: "1 while the bridge is connected to the external broker");
        }

        if (services.GetService(typeof(EmbeddedBroker)) is EmbeddedBroker broker)
        {
            var c = broker.Counters;
            Counter("luohu.mqtt.broker.received", () => Interlocked.Read(ref c.Received), "client publishes put on the bus");
            Counter("luohu.mqtt.broker.delivered", () => Interlocked.Read(ref c.Delivered), "bus messages handed to subscribed clients");
            Counter("luohu.mqtt.broker.denied", () => Interlocked.Read(ref c.Denied), "publishes and subscriptions refused by the ACL");
            Counter("luohu.mqtt.broker.queue_drops", () => Interlocked.Read(ref c.QueueDrops), "messages dropped from full client queues");
            Counter("luohu.mqtt.broker.throttled", () => Interlocked.Read(ref c.Throttled), "publishes a flooding client waited for");
            Counter("luohu.mqtt.broker.refused_connections", () => Interlocked.Read(ref c.RefusedConnections), "connections refused (credentials, revoked, flood)");
            _meter.CreateObservableGauge("luohu.mqtt.broker.clients", () => broker.GetState().Clients.Count, unit: "{client}", description: "clients connected to the embedded broker");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _meter.Dispose();

    private void Counter(string name, Func<long> read, string description) =>
        _meter.CreateObservableCounter(name, read, unit: "{message}", description: description);
}
