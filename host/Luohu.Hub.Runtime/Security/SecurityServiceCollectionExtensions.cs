using Luohu.Hub.Runtime.Storage;
using Luohu.Hub.Runtime.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Security;

/// <summary>Registers departments, users, keys, grants, the audit log and plugin setting values on the SQLite store.</summary>
internal static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Call after the SQLite store is registered: it wraps the store's initializer so that the first start seeds
    /// the district and the admin. The host supplies <see cref="ISecretProtector"/> (Data Protection).
    /// </summary>
    public static IServiceCollection AddHubSecurity(this IServiceCollection services, Action<SecurityOptions>? configure = null)
    {
        var options = services.AddOptions<SecurityOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISecurityStore, SqliteSecurityStore>();
        services.TryAddSingleton<IAuditLog, SqliteAuditLog>();
        services.TryAddSingleton<IDeviceCredentialStore, SqliteDeviceCredentialStore>();
        services.TryAddSingleton<IPluginSettingValuesStore, SqlitePluginSettingValuesStore>();
        services.TryAddSingleton<IGrantCache, GrantCache>();
        services.TryAddSingleton<PluginSettingsOverlay>();
        services.TryAddSingleton<IDepartmentSecretStore, SqliteDepartmentSecretStore>();
        services.TryAddSingleton<DepartmentSecrets>();
        // Replace, not TryAdd: a flow runtime registered first brings its in-memory secrets, and the stored ones win.
        services.Replace(ServiceDescriptor.Singleton<IDepartmentSecrets>(sp => sp.GetRequiredService<DepartmentSecrets>()));
        services.TryAddSingleton<IFlowGrantCheck, FlowGrantCheck>();

        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IHubStoreInitializer))
            ?? throw new InvalidOperationException("AddHubSecurity needs the store: call AddSqliteStore() before AddSecurity().");
        services.Remove(inner);
        services.AddSingleton<IHubStoreInitializer>(sp => new SecurityStoreInitializer(
            (IHubStoreInitializer)(inner.ImplementationFactory?.Invoke(sp) ?? inner.ImplementationInstance ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!)),
            sp.GetRequiredService<ISecurityStore>(),
            sp.GetRequiredService<IGrantCache>(),
            sp.GetRequiredService<PluginSettingsOverlay>(),
            sp.GetRequiredService<DepartmentSecrets>(),
            sp.GetRequiredService<IAuditLog>(),
            sp.GetRequiredService<IOptions<SecurityOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SecurityStoreInitializer>>()));
        return services;
    }
}
