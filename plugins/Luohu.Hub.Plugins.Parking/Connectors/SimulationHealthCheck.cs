using Luohu.Hub.Plugins.Parking.Simulation;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Plugins.Parking.Connectors;

/// <summary><c>simulation</c>: the car parks are simulated and answering; reports the district's totals.</summary>
internal sealed class SimulationHealthCheck(ParkingSimulation simulation, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        simulation.Advance(time.GetUtcNow());
        var states = simulation.Snapshot();
        var data = new Dictionary<string, object>
        {
            ["lots"] = states.Count,
            ["totalSpaces"] = states.Sum(s => s.Total),
            ["freeSpaces"] = states.Sum(s => s.Free),
            ["fullLots"] = states.Count(s => s.Free == 0),
            ["lastTick"] = DistrictTime.ToLocal(simulation.LastTick),
        };
        return Task.FromResult(HealthCheckResult.Healthy($"{states.Count} car parks simulated", data));
    }
}
