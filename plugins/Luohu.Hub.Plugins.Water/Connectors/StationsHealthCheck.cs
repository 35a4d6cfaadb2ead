using Luohu.Hub.Plugins.Water.Simulation;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Plugins.Water.Connectors;

/// <summary><c>stations</c>: healthy while most stations answer; degraded when more than a tenth are offline.</summary>
internal sealed class StationsHealthCheck(WaterSimulation simulation) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var total = simulation.Stations.Count;
        var offline = simulation.OfflineCount;
        var data = new Dictionary<string, object>
        {
            ["stations"] = total,
            ["offline"] = offline,
            ["storms"] = simulation.Storms.Count,
        };
        return Task.FromResult(offline * 10 > total
            ? HealthCheckResult.Degraded($"{offline} of {total} water stations offline", data: data)
            : HealthCheckResult.Healthy($"{total - offline} of {total} water stations online", data));
    }
}
