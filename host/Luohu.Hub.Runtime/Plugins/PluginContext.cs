using Luohu.Hub.Sdk.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Plugins;

internal sealed class PluginContext(PluginManifest manifest, IConfiguration configuration, ILogger logger, TimeProvider timeProvider, IPluginStateStore state) : IPluginContext
{
    public PluginManifest Manifest { get; } = manifest;

    public IConfiguration Configuration { get; } = configuration;

    public ILogger Logger { get; } = logger;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public IPluginStateStore State { get; } = state;
}
