using System.Text.Json;
using Luohu.Hub.Runtime.Plugins;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

/// <summary>Audits every plugin state change, including the automatic ones (quarantine, a crashed source), as <c>system</c>.</summary>
internal sealed class PluginStateAuditor(IPluginManager plugins, IAuditLog audit, ILogger<PluginStateAuditor> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        plugins.StateChanged += OnStateChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        plugins.StateChanged -= OnStateChanged;
        return Task.CompletedTask;
    }

    private void OnStateChanged(object? sender, PluginStateChangedEventArgs e) => _ = WriteAsync(e);

    private async Task WriteAsync(PluginStateChangedEventArgs e)
    {
        try
        {
            await audit.AppendAsync(new AuditEvent
            {
                Actor = "system",
                ActorKind = "system",
                Action = "plugin.state",
                Target = e.Plugin.Id,
                Before = JsonSerializer.Serialize(new { State = e.Previous.ToString() }),
                After = JsonSerializer.Serialize(new { e.Plugin.Version, State = e.Plugin.State.ToString() }),
                Detail = e.Plugin.Reason,
            }, CancellationToken.None);
        }
        catch (Exception ex)
        {
            SecurityLog.AuditWriteFailed(logger, ex, "plugin.state", e.Plugin.Id);
        }
    }
}
