using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Mqtt;

/// <summary>
/// <c>mqtt</c> on <c>/healthz</c>: Degraded while a bridge connection is down or the embedded broker could not listen
/// (the hub itself keeps serving).
/// </summary>
internal sealed class MqttHealthCheck(IMqttStatus status) : IHealthCheck
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
        if (state.EmbeddedBroker is { } embedded)
        {
            data["embeddedBroker"] = embedded.Listening ? $"listening on {string.Join(", ", embedded.Endpoints)}" : embedded.LastError ?? "starting";
            data["embeddedClients"] = embedded.Clients.Count;
            if (!embedded.Listening)
            {
                return Task.FromResult(HealthCheckResult.Degraded($"the embedded MQTT broker is not listening: {embedded.LastError ?? "starting"}", data: data));
            }
        }

        if (!state.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("no external broker configured", data));
        }

        return Task.FromResult(state.Connected
            ? HealthCheckResult.Healthy($"connected to {state.Broker}", data)
            : HealthCheckResult.Degraded($"not connected to {state.Broker}: {state.LastError ?? "connecting"}", data: data));
    }
}
