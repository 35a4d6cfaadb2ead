using Luohu.Hub.Runtime.Outbox;
using Luohu.Hub.Runtime.Plugins;
using Luohu.Hub.Runtime.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Storage;

/// <summary>Registers the embedded SQLite store.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite implementations of every store interface (flows, the rules library, node state, dead letters, plugin
    /// settings and state, the outbox) and the initializer that migrates the database; they replace any earlier
    /// registrations (in-memory defaults), whatever the order. The host must call
    /// <c>IHubStoreInitializer.InitializeAsync</c> once at start, before the stores are used.
    /// </summary>
    public static IServiceCollection AddHubSqliteStore(this IServiceCollection services, Action<StoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<StoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<SqliteConnectionFactory>();
        services.AddSingleton<SqliteConnectionFactory>();
        Replace<IHubStoreInitializer>(services, sp => new SqliteStoreInitializer(
            sp.GetRequiredService<SqliteConnectionFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SqliteStoreInitializer>>(),
            Migration.LoadEmbedded()));
        services.TryAddSingleton<StoreInitialization>();
        services.TryAddSingleton<Backup.HubBackup>();
        Replace<IFlowStore>(services, sp => ActivatorUtilities.CreateInstance<SqliteFlowStore>(sp));
        Replace<IRuleLibraryStore>(services, sp => ActivatorUtilities.CreateInstance<SqliteRuleLibraryStore>(sp));
        Replace<INodeStateStore>(services, sp => ActivatorUtilities.CreateInstance<SqliteNodeStateStore>(sp));
        Replace<IDeadLetterStore>(services, sp => ActivatorUtilities.CreateInstance<SqliteDeadLetterStore>(sp));
        Replace<IPluginSettingsStore>(services, sp => ActivatorUtilities.CreateInstance<SqlitePluginSettingsStore>(sp));
        Replace<IPluginStateStoreFactory>(services, sp => ActivatorUtilities.CreateInstance<SqlitePluginStateStoreFactory>(sp));
        Replace<IOutboxStore>(services, sp => ActivatorUtilities.CreateInstance<SqliteOutboxStore>(sp));
        Replace<Capabilities.IVendorChoiceStore>(services, sp => ActivatorUtilities.CreateInstance<SqliteVendorChoiceStore>(sp));
        return services;
    }

    private static void Replace<TService>(IServiceCollection services, Func<IServiceProvider, TService> factory)
        where TService : class
    {
        services.RemoveAll<TService>();
        services.AddSingleton(factory);
    }
}
