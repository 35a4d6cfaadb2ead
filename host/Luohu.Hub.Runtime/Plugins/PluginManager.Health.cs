using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>Runs the plugins' own health checks; the host service calls it every <see cref="PluginOptions.HealthCheckInterval"/>.</summary>
internal sealed partial class PluginManager
{
    public async Task RefreshHealthAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in entries.Values.ToList())
        {
            var active = entry.Active;
            if (active is null || active.HealthChecks.Count == 0)
            {
                continue;
            }

            var worst = HealthStatus.Healthy;
            var problems = new List<string>();
            foreach (var registration in active.HealthChecks)
            {
                var (status, description) = await RunCheckAsync(entry.Id, active, registration, cancellationToken);
                if (status < worst)
                {
                    worst = status;
                }

                if (status != HealthStatus.Healthy)
                {
                    problems.Add($"{registration.Name}: {status}{(description is null ? string.Empty : $" ({description})")}");
                }
            }

            lock (entry.Sync)
            {
                if (!ReferenceEquals(entry.Active, active))
                {
                    continue;
                }

                entry.HealthStatus = worst.ToString();
                entry.HealthDescription = problems.Count == 0 ? null : string.Join("; ", problems);
            }

            UpdateState(entry);
        }
    }

    private async Task<(HealthStatus Status, string? Description)> RunCheckAsync(string pluginId, LoadedPlugin plugin, PluginHealthCheckRegistration registration, CancellationToken cancellationToken)
    {
        try
        {
            // Task.Run: a check that blocks synchronously must still be abandoned at the timeout.
            var result = await Task.Run(() => plugin.Runtime.CheckHealthAsync(registration, cancellationToken), cancellationToken)
                .WaitAsync(options.HealthCheckTimeout, time, cancellationToken);
            return (result.Status, result.Description ?? result.Exception?.Message);
        }
        catch (TimeoutException)
        {
            PluginLog.HealthCheckFailed(logger, pluginId, registration.Name, "timed out");
            return (HealthStatus.Unhealthy, $"did not answer within {options.HealthCheckTimeout}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            PluginLog.HealthCheckFailed(logger, pluginId, registration.Name, ex.Message);
            return (HealthStatus.Unhealthy, $"threw {ex.GetType().Name}: {ex.Message}");
        }
    }
}
