namespace Luohu.Hub.Runtime.Security;

/// <summary>Plugin settings set through the API, layered over the file configuration when the plugin loads.</summary>
internal interface IPluginSettingValuesStore
{
    Task<IReadOnlyList<PluginSettingValue>> ListAsync(string? pluginId, CancellationToken cancellationToken);

    /// <summary>Replaces every stored value of the plugin with <paramref name="values"/> in one transaction.</summary>
    Task ReplaceAsync(string pluginId, IReadOnlyList<PluginSettingValue> values, CancellationToken cancellationToken);
}
