using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Luohu.Hub.Runtime.Outbox;

/// <summary>Registers the outbox for capabilities that change the world.</summary>
public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the outbox: the executor flows' action nodes use for <c>ChangesWorld</c> capabilities, the sweep that
    /// resumes pending entries, its metrics and health check. Entries are kept by the hub's store when one is
    /// registered (<c>AddHubSqliteStore</c>), else in memory. Needs the plugin runtime (<c>AddHubPlugins</c>).
    /// </summary>
    public static IServiceCollection AddHubOutbox(this IServiceCollection services, Action<OutboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<OutboxOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOutboxStore, InMemoryOutboxStore>();
        services.TryAddSingleton<OutboxMetrics>();
        services.TryAddSingleton<OutboxExecutor>();
        services.TryAddSingleton<OutboxSweeper>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<OutboxSweeper>());
        services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox");
        return services;
    }
}
