using Luohu.Hub.Mqtt.Bridge;
using Luohu.Hub.Mqtt.Broker;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Mqtt.Tests;

public sealed class MqttHealthCheckTests
{
    private static readonly HealthCheckContext Context = new()
    {
        Registration = new HealthCheckRegistration("mqtt", _ => null!, HealthStatus.Unhealthy, null),
    };

    [Fact]
    public async Task CheckHealthAsync_Disconnected_IsDegradedWithTheLastError()
    {
        var check = new MqttHealthCheck(new FixedStatus(State(connected: false) with { LastError = "hub: cannot connect to 127.0.0.1:1883: Connection refused" }));

        var result = await check.CheckHealthAsync(Context, CancellationToken.None);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("Connection refused", result.Description, StringComparison.Ordinal);
        Assert.Equal(3, result.Data["queueDepth"]);
    }

    [Fact]
    public async Task CheckHealthAsync_Connected_IsHealthy()
    {
        var check = new MqttHealthCheck(new FixedStatus(State(connected: true)));

        var result = await check.CheckHealthAsync(Context, CancellationToken.None);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("mqtt://127.0.0.1:1883", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealthAsync_EmbeddedBrokerNotListening_IsDegradedWithTheReason()
    {
        var state = MqttBridgeState.Disabled with { EmbeddedBroker = new EmbeddedBrokerState { Listening = false, LastError = "port 1883 in use" } };

        var result = await new MqttHealthCheck(new FixedStatus(state)).CheckHealthAsync(Context, CancellationToken.None);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("port 1883 in use", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealthAsync_EmbeddedBrokerListeningWithoutBridge_IsHealthy()
    {
        var state = MqttBridgeState.Disabled with { EmbeddedBroker = new EmbeddedBrokerState { Listening = true, Endpoints = ["mqtt://0.0.0.0:1883"] } };

        var result = await new MqttHealthCheck(new FixedStatus(state)).CheckHealthAsync(Context, CancellationToken.None);

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    private static MqttBridgeState State(bool connected) => new()
    {
        Enabled = true,
        Broker = "mqtt://127.0.0.1:1883",
        Connected = connected,
        QueueDepth = 3,
    };

    private sealed class FixedStatus(MqttBridgeState state) : IMqttStatus
    {
        public MqttBridgeState GetState() => state;
    }
}
