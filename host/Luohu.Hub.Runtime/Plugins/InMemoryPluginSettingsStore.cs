using System.Collections.Concurrent;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>Keeps plugin settings for the life of the process; the default until a durable store is registered.</summary>
internal sealed class InMemoryPluginSettingsStore : IPluginSettingsStore
{
    private readonly ConcurrentDictionary<string, PluginSettings> settings = new(StringComparer.Ordinal);

    public ValueTask<PluginSettings?> GetAsync(string pluginId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(settings.TryGetValue(pluginId, out var value) ? value : null);

    public ValueTask SetAsync(PluginSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings[settings.PluginId] = settings;
        return ValueTask.CompletedTask;
    }

    public ValueTask DeleteAsync(string pluginId, CancellationToken cancellationToken)
    {
        settings.TryRemove(pluginId, out _);
        return ValueTask.CompletedTask;
    }
}
