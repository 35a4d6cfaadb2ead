using Luohu.Hub.Sdk.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Luohu.Hub.Plugins.Tests.Fakes;

public sealed class FakePluginContext(PluginManifest manifest, IConfiguration configuration, TimeProvider timeProvider) : IPluginContext
{
    public PluginManifest Manifest { get; } = manifest;

    public IConfiguration Configuration { get; } = configuration;

    public ILogger Logger { get; } = NullLogger.Instance;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public InMemoryStateStore Store { get; } = new();

    public IPluginStateStore State => Store;
}
