using Luohu.Hub.Plugins.Cameras.Simulation;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Plugins.Cameras.Connectors;

/// <summary><c>cameras</c>: healthy while most cameras answer; degraded when more than a tenth are offline.</summary>
internal sealed class CamerasHealthCheck(CameraSimulation simulation) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var total = simulation.Cameras.Count;
        var offline = simulation.OfflineCount;
        var data = new Dictionary<string, object>
        {
            ["cameras"] = total,
            ["offline"] = offline,
            ["lostDetections"] = simulation.Lost,
        };
        return Task.FromResult(offline * 10 > total
            ? HealthCheckResult.Degraded($"{offline} of {total} cameras offline", data: data)
            : HealthCheckResult.Healthy($"{total - offline} of {total} cameras online", data));
    }
}
