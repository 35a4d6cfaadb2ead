using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Sdk.Testing;

/// <summary>
/// A plugin installed through the hub's own loader and lifecycle (manifest checks, McMaster loading or the
/// plugin process, the invoker with its timeout and circuit breaker, event-source supervision), without a hub.
/// <code>
/// await using var host = await PluginTestHost.StartAsync("bin/Debug/net10.0");
/// var answer = await host.InvokeAsync("acme.echo", new { text = "hi" });
/// </code>
/// </summary>
public sealed class PluginTestHost : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly EventRecorder events;
    private readonly string pluginsPath;
    private readonly string pluginId;

    private PluginTestHost(ServiceProvider services, EventRecorder events, string pluginsPath, string pluginId)
    {
        this.services = services;
        this.events = events;
        this.pluginsPath = pluginsPath;
        this.pluginId = pluginId;
    }

    /// <summary>The events the plugin's sources emitted, in order.</summary>
    public IReadOnlyCollection<PluginEvent> Events => events.Events;

    /// <summary>The plugin's state as the hub sees it: Running, Degraded, Faulted, Quarantined…</summary>
    public string State => Manager.Find(pluginId)?.State.ToString() ?? "Unloaded";

    /// <summary>Why the plugin is in its state, when the hub says (null when running well).</summary>
    public string? Reason => Manager.Find(pluginId)?.Reason;

    private PluginManager Manager => services.GetRequiredService<PluginManager>();

    /// <summary>
    /// Installs the plugin built in <paramref name="pluginFolder"/> (its <c>plugin.json</c>, assembly and
    /// dependencies) as the hub would a zip of that folder, and starts it.
    /// </summary>
    /// <param name="pluginFolder">The plugin's build output or staged folder.</param>
    /// <param name="settings">The plugin's configuration, relative keys (what <c>Hub:Plugins:{id}</c> holds in the hub).</param>
    /// <param name="isolated">Run it in its own process whatever its manifest says.</param>
    /// <returns>The started host; dispose it to stop the plugin.</returns>
    public static async Task<PluginTestHost> StartAsync(string pluginFolder, IDictionary<string, string?>? settings = null, bool isolated = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginFolder);
        var manifest = PluginManifestReader.Read(pluginFolder);
        var pluginsPath = Path.Combine(Path.GetTempPath(), "luohu-plugin-test-" + Guid.NewGuid().ToString("N"));
        var collection = new ServiceCollection();
        var recorder = new EventRecorder();
        collection.AddSingleton<IMessagePublisher>(recorder);
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection((settings ?? new Dictionary<string, string?>()).Select(p => new KeyValuePair<string, string?>($"Hub:Plugins:{manifest.Id}:{p.Key}", p.Value)))
            .Build());
        collection.AddHubPlugins(o =>
        {
            o.PluginsPath = pluginsPath;
            o.BundledPluginsPath = Path.Combine(pluginsPath, ".none");
            o.WatchPluginsFolder = false;
            if (isolated)
            {
                o.PluginIsolation[manifest.Id] = PluginIsolation.Process;
            }
        });
        var provider = collection.BuildServiceProvider();
        var host = new PluginTestHost(provider, recorder, pluginsPath, manifest.Id);
        await host.Manager.StartAsync(CancellationToken.None);
        using var zip = Zip(pluginFolder);
        await host.Manager.InstallAsync(zip, CancellationToken.None);
        return host;
    }

    /// <summary>Calls an action through the hub's invoker; a failure throws <see cref="PluginCallException"/> with the hub's error kind.</summary>
    /// <param name="capability">The capability id, e.g. <c>acme.echo</c> or <c>sensor.read</c>.</param>
    /// <param name="input">The input, serialized as the hub would receive it (camelCase JSON).</param>
    /// <returns>The action's output as JSON.</returns>
    public async Task<JsonElement> InvokeAsync(string capability, object input)
    {
        var invoker = services.GetRequiredService<ICapabilityInvoker>();
        try
        {
            return await invoker.InvokeAsync(capability, JsonSerializer.SerializeToElement(input, JsonSerializerOptions.Web), new InvocationContext { CorrelationId = "plugin-test" }, CancellationToken.None);
        }
        catch (CapabilityException ex)
        {
            throw new PluginCallException(ex.Kind.ToString(), ex.Field, ex.Message);
        }
    }

    /// <summary>Waits until the plugin's sources emitted at least <paramref name="count"/> events (or the timeout passes).</summary>
    /// <param name="count">How many events to wait for.</param>
    /// <param name="timeout">How long to wait at most.</param>
    /// <returns>The events so far; fewer than <paramref name="count"/> when the timeout passed.</returns>
    public async Task<IReadOnlyList<PluginEvent>> WaitForEventsAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (events.Events.Count < count && !deadline.IsCancellationRequested)
        {
            await Task.Delay(10, CancellationToken.None);
        }

        return [.. events.Events];
    }

    /// <summary>Runs the plugin's health checks now; returns Healthy, Degraded or Unhealthy.</summary>
    /// <returns>The plugin's health as ops would see it.</returns>
    public async Task<string> CheckHealthAsync()
    {
        await Manager.RefreshHealthAsync(CancellationToken.None);
        return Manager.Find(pluginId)?.Health ?? "Unhealthy";
    }

    /// <summary>Stops the plugin as the hub does at shutdown and removes its temporary install.</summary>
    /// <returns>A task that completes when the plugin has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await Manager.StopAsync(CancellationToken.None);
        await services.DisposeAsync();
        try
        {
            Directory.Delete(pluginsPath, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static MemoryStream Zip(string folder)
    {
        var stream = new MemoryStream();
        ZipFile.CreateFromDirectory(folder, stream);
        stream.Position = 0;
        return stream;
    }

    private sealed class EventRecorder : IMessagePublisher
    {
        public ConcurrentQueue<PluginEvent> Events { get; } = new();

        public ValueTask PublishAsync(HubMessage message, CancellationToken cancellationToken)
        {
            Events.Enqueue(new PluginEvent(message.Topic, JsonDocument.Parse(message.Payload).RootElement.Clone()));
            return ValueTask.CompletedTask;
        }
    }
}
