using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Security;

/// <summary>
/// The stored plugin settings in memory, secrets decrypted only when a plugin loads: the loader builds its
/// configuration synchronously, so the values are read once at start and replaced on each change.
/// </summary>
internal sealed class PluginSettingsOverlay(IPluginSettingValuesStore store, ISecretProtector protector, ILogger<PluginSettingsOverlay> logger)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<PluginSettingValue>> _byPlugin = new(StringComparer.Ordinal);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var group in (await store.ListAsync(null, cancellationToken)).GroupBy(v => v.PluginId, StringComparer.Ordinal))
        {
            _byPlugin[group.Key] = [.. group];
        }
    }

    public void Set(string pluginId, IReadOnlyList<PluginSettingValue> values) => _byPlugin[pluginId] = values;

    public IReadOnlyList<PluginSettingValue> Stored(string pluginId) =>
        _byPlugin.TryGetValue(pluginId, out var values) ? values : [];

    /// <summary>The configuration pairs for the plugin's section; a secret the key ring cannot read is left out and logged by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> ConfigurationFor(string pluginId)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var value in Stored(pluginId))
        {
            if (!value.IsSecret)
            {
                pairs.Add(new(value.Key, value.Value));
                continue;
            }

            try
            {
                pairs.Add(new(value.Key, protector.Unprotect(value.ProtectedValue ?? string.Empty)));
            }
            catch (CryptographicException)
            {
                SecurityLog.SecretUnreadable(logger, pluginId, value.Key);
            }
        }

        return pairs;
    }
}
