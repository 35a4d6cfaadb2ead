using Luohu.Hub.Plugins.Signals.Simulation;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Plugins.Signals.Connectors;

/// <summary><c>controllers</c>: the simulated controllers answer; reports how many hold an override.</summary>
internal sealed class ControllersHealthCheck(SignalNetwork network) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var overrides = network.CountOverrides();
        var data = new Dictionary<string, object>
        {
            ["intersections"] = network.Intersections.Count,
            ["overrides"] = overrides,
            ["lastTick"] = DistrictTime.ToLocal(network.LastTick),
        };
        return Task.FromResult(HealthCheckResult.Healthy($"{network.Intersections.Count} intersections, {overrides} on override", data));
    }
}
