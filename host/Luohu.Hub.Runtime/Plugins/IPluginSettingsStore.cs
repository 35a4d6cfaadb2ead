namespace Luohu.Hub.Runtime.Plugins;

/// <summary>Persists <see cref="PluginSettings"/>. The embedded default is SQLite; an in-memory one serves tests.</summary>
internal interface IPluginSettingsStore
{
    ValueTask<PluginSettings?> GetAsync(string pluginId, CancellationToken cancellationToken);

    ValueTask SetAsync(PluginSettings settings, CancellationToken cancellationToken);

    ValueTask DeleteAsync(string pluginId, CancellationToken cancellationToken);
}
