using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// The plugins' part of <c>/healthz</c>: Degraded when any plugin is Faulted, Quarantined or Degraded (the hub
/// itself still serves), with each plugin's state in the data. Never Unhealthy: one vendor's plugin must not
/// take the whole hub out of a load balancer.
/// </summary>
internal sealed class PluginsHealthCheck(PluginManager manager) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var plugins = manager.List();
        var data = plugins.ToDictionary(p => p.Id, p => (object)$"{p.State} {p.Version}{(p.Reason is null ? string.Empty : $": {p.Reason}")}");
        var troubled = plugins.Where(p => p.State is PluginState.Faulted or PluginState.Quarantined or PluginState.Degraded).Select(p => $"{p.Id} is {p.State}").ToList();
        return Task.FromResult(troubled.Count == 0
            ? HealthCheckResult.Healthy($"{plugins.Count} plugin(s) installed", data)
            : HealthCheckResult.Degraded(string.Join("; ", troubled), data: data));
    }
}
