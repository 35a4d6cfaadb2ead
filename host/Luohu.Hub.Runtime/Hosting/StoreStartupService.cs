using Luohu.Hub.Runtime.Storage;
using Microsoft.Extensions.Hosting;

namespace Luohu.Hub.Runtime.Hosting;

/// <summary>
/// Brings the store's schema up to date before anything else starts: registered first, so the plugin and
/// flow hosts that read settings and deployed flows find the tables there. A refused database stops the hub.
/// </summary>
internal sealed class StoreStartupService(StoreInitialization store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await store.EnsureAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
