using System.Text.Json;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Tests.Plugins;

/// <summary>The plugin runtime wired as the host wires it, over a temporary plugins folder.</summary>
internal sealed class TestHub : IAsyncDisposable
{
    private readonly ServiceProvider services;

    public TestHub(Action<PluginOptions>? configure = null, string? pluginsPath = null, IPluginSettingsStore? settings = null)
    {
        PluginsPath = pluginsPath ?? Path.Combine(Path.GetTempPath(), "luohu-plugins-" + Guid.NewGuid().ToString("N"));
        var collection = new ServiceCollection();
        collection.AddSingleton<IMessagePublisher>(Publisher);
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hub:Plugins:fixtures.counter:IntervalMs"] = "5" })
            .Build());
        if (settings is not null)
        {
            collection.AddSingleton(settings);
        }

        collection.AddHubPlugins(o =>
        {
            o.PluginsPath = PluginsPath;
            o.BundledPluginsPath = Path.Combine(PluginsPath, ".no-bundled");
            o.WatchPluginsFolder = false;
            o.SourceRestartBackoffMin = TimeSpan.FromMilliseconds(10);
            o.SourceRestartBackoffMax = TimeSpan.FromMilliseconds(100);
            o.DrainTimeout = TimeSpan.FromSeconds(2);
            o.SourceStopTimeout = TimeSpan.FromSeconds(2);
            configure?.Invoke(o);
        });
        services = collection.BuildServiceProvider();
        Manager = services.GetRequiredService<PluginManager>();
        Catalog = services.GetRequiredService<ICapabilityCatalog>();
        Invoker = services.GetRequiredService<ICapabilityInvoker>();
        Settings = services.GetRequiredService<IPluginSettingsStore>();
    }

    public string PluginsPath { get; }

    public RecordingPublisher Publisher { get; } = new();

    public PluginManager Manager { get; }

    public ICapabilityCatalog Catalog { get; }

    public ICapabilityInvoker Invoker { get; }

    public IPluginSettingsStore Settings { get; }

    public IServiceProvider Services => services;

    public async Task<TestHub> StartAsync()
    {
        await Manager.StartAsync(CancellationToken.None);
        return this;
    }

    public async Task<PluginSnapshot> InstallAsync(string fixture, Action<string>? change = null)
    {
        using var zip = TestPlugins.Zip(fixture, change);
        return await Manager.InstallAsync(zip, CancellationToken.None);
    }

    public async Task<JsonElement> InvokeAsync(string capability, object input, string? provider = null) =>
        await Invoker.InvokeAsync(capability, JsonSerializer.SerializeToElement(input), new InvocationContext { CorrelationId = "test", Provider = provider }, CancellationToken.None);

    /// <summary>What is on disk besides the staging area: proof that a failed install left nothing behind.</summary>
    public IReadOnlyList<string> InstalledFolders() =>
        Directory.Exists(PluginsPath)
            ? [.. Directory.GetDirectories(PluginsPath).Select(Path.GetFileName).Where(n => !n!.StartsWith('.'))!]
            : [];

    public IReadOnlyList<string> StagingLeftovers()
    {
        var staging = Path.Combine(PluginsPath, ".staging");
        return Directory.Exists(staging) ? Directory.GetFileSystemEntries(staging) : [];
    }

    public async ValueTask DisposeAsync()
    {
        await Manager.StopAsync(CancellationToken.None);
        await services.DisposeAsync();
        try
        {
            Directory.Delete(PluginsPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
