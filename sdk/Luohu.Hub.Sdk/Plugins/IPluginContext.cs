using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Sdk.Plugins;

/// <summary>What the host gives every plugin; resolvable from the plugin's services.</summary>
public interface IPluginContext
{
    /// <summary>The plugin's manifest as installed.</summary>
    PluginManifest Manifest { get; }

    /// <summary>The plugin's configuration section (<c>Hub:Plugins:{id}</c>).</summary>
    IConfiguration Configuration { get; }

    /// <summary>A logger whose category names the plugin.</summary>
    ILogger Logger { get; }

    /// <summary>The hub's clock. Plugins never read the system clock directly, so tests can move time.</summary>
    TimeProvider TimeProvider { get; }

    /// <summary>A small persistent key-value store private to this plugin; it survives reloads and upgrades.</summary>
    IPluginStateStore State { get; }
}
