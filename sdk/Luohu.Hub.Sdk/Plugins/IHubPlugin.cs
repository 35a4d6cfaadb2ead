namespace Luohu.Hub.Sdk.Plugins;

/// <summary>
/// The entry type of a plugin, named by <c>entryType</c> in <c>plugin.json</c>. The host creates it
/// with a public parameterless constructor and calls <see cref="Configure"/> once per load.
/// </summary>
public interface IHubPlugin
{
    /// <summary>Registers the plugin's services, connectors and health checks.</summary>
    /// <param name="plugin">The builder for this plugin's own service provider and connectors.</param>
    void Configure(IPluginBuilder plugin);
}
