namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// Installs, runs and removes plugins while the hub runs. Every operation either completes or leaves
/// the previous state untouched; failures throw <see cref="PluginOperationException"/>.
/// </summary>
internal interface IPluginManager
{
    /// <summary>Raised after any plugin changes state (for the ops pages and the bus).</summary>
    event EventHandler<PluginStateChangedEventArgs>? StateChanged;

    IReadOnlyList<PluginSnapshot> List();

    PluginSnapshot? Find(string id);

    /// <summary>Installs a zip package, or upgrades when the id is installed at another version.</summary>
    Task<PluginSnapshot> InstallAsync(Stream zipPackage, CancellationToken cancellationToken);

    Task<PluginSnapshot> EnableAsync(string id, CancellationToken cancellationToken);

    Task<PluginSnapshot> DisableAsync(string id, CancellationToken cancellationToken);

    Task<PluginSnapshot> ReloadAsync(string id, CancellationToken cancellationToken);

    Task UninstallAsync(string id, CancellationToken cancellationToken);
}
