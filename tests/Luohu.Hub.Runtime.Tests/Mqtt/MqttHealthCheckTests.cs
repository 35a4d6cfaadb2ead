using Luohu.Hub.Runtime.Mqtt;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Runtime.Tests.Mqtt;

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

    private static MqttBridgeState State(bool connected) => new()
    {
        Enabled = true,
        Broker = "mqtt://127.0.0.1:1883",
        Connected = connected,
        QueueDepth = 3,
    };

    private sealed class FixedStatus(MqttBridgeState state) : IMqttBridgeStatus
    {
        public MqttBridgeState GetState() => state;
    }
}
