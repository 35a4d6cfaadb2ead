using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Runtime.Mqtt;

/// <summary><c>mqtt</c> on <c>/healthz</c>: Degraded while a bridge connection is down (the hub itself keeps serving).</summary>
internal sealed class MqttHealthCheck(IMqttBridgeStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = status.GetState();
        var data = new Dictionary<string, object>
        {
            ["broker"] = state.Broker ?? string.Empty,
            ["received"] = state.Received,
            ["sent"] = state.Sent,
            ["dropped"] = state.Dropped,
            ["rejected"] = state.Rejected,
            ["queueDepth"] = state.QueueDepth,
        };
        return Task.FromResult(state.Connected
            ? HealthCheckResult.Healthy($"connected to {state.Broker}", data)
            : HealthCheckResult.Degraded($"not connected to {state.Broker}: {state.LastError ?? "connecting"}", data: data));
    }
}
