using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Runtime.Outbox;

/// <summary>The outbox in <c>/healthz</c>: pending and failed counts; Degraded while entries wait for ops.</summary>
internal sealed class OutboxHealthCheck(IOutboxStore store, OutboxMetrics metrics) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var counts = await store.CountAsync(cancellationToken);
        metrics.Counted(counts);
        var data = new Dictionary<string, object> { ["pending"] = counts.Pending, ["failed"] = counts.Failed };
        return counts.Failed > 0
            ? HealthCheckResult.Degraded($"{counts.Failed} outbox entr{(counts.Failed == 1 ? "y" : "ies")} failed and wait for ops (GET /api/v1/outbox?state=failed).", data: data)
            : HealthCheckResult.Healthy($"{counts.Pending} pending.", data);
    }
}
