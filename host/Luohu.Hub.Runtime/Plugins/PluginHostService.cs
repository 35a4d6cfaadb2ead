using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>Starts the plugin runtime with the host, runs health checks periodically, and takes everything down at shutdown.</summary>
internal sealed class PluginHostService(
    PluginManager manager,
    Capabilities.VendorChoices vendors,
    Capabilities.IVendorChoiceStore vendorStore,
    PluginFolderWatcher watcher,
    IOptions<PluginOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Plugins load now (their actions serve at once), but their event sources wait until the whole hub has
        // started: the flows that subscribe to them start after this service.
        await vendors.LoadAsync(vendorStore, cancellationToken);
        manager.HoldEventSources();
        lifetime.ApplicationStarted.Register(manager.ReleaseEventSources);
        await manager.StartAsync(cancellationToken);
        if (options.Value.WatchPluginsFolder)
        {
            watcher.Start();
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        watcher.Stop();
        await base.StopAsync(cancellationToken);
        await manager.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HealthCheckInterval, time);
        try
        {
            do
            {
                await manager.RefreshHealthAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
