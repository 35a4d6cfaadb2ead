using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Capabilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>Registers the plugin runtime.</summary>
internal static class PluginServiceCollectionExtensions
{
    /// <summary>
    /// Adds the plugin manager, loader, capability catalog and invoker, the hosted service that starts them,
    /// and a <c>plugins</c> health check. Stores, the bus and the authorizer are in-memory/allow-all defaults
    /// registered with TryAdd, so the storage, bus and security features replace them by registering first.
    /// </summary>
    public static IServiceCollection AddHubPlugins(this IServiceCollection services, Action<PluginOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PluginOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddSingleton<IPluginSettingsStore, InMemoryPluginSettingsStore>();
        services.TryAddSingleton<IPluginStateStoreFactory, InMemoryPluginStateStoreFactory>();
        services.TryAddSingleton<IMessagePublisher, NullMessagePublisher>();
        services.TryAddSingleton<ICapabilityAuthorizer, AllowAllCapabilityAuthorizer>();
        services.TryAddSingleton<ConnectorPipelineFactory>();
        services.TryAddSingleton<PluginLoader>();
        services.TryAddSingleton<Isolation.IsolatedPluginLoader>();
        services.TryAddSingleton<IVendorChoiceStore, InMemoryVendorChoiceStore>();
        services.TryAddSingleton<VendorChoices>();
        services.TryAddSingleton<ShadowStatistics>();
        services.TryAddSingleton<VendorService>();
        services.TryAddSingleton<CapabilityCatalog>();
        services.TryAddSingleton<ICapabilityCatalog>(sp => sp.GetRequiredService<CapabilityCatalog>());
        services.TryAddSingleton<PluginManager>();
        services.TryAddSingleton<Telemetry.HubMetrics>();
        services.TryAddSingleton<IPluginManager>(sp => sp.GetRequiredService<PluginManager>());
        services.TryAddSingleton<CapabilityInvoker>();
        services.TryAddSingleton<ICapabilityInvoker>(sp => sp.GetRequiredService<CapabilityInvoker>());
        services.TryAddSingleton<PluginFolderWatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PluginHostService>());
        services.AddHealthChecks().AddCheck<PluginsHealthCheck>("plugins");
        return services;
    }
}
