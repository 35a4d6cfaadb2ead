using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Sdk.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Plugins.Isolation;

/// <summary>
/// Starts a plugin version in its own process and describes it to the hub as a <see cref="LoadedPlugin"/> like
/// any other: its actions, sources and health checks as the plugin registered them, stats and pipelines here.
/// </summary>
internal sealed class IsolatedPluginLoader(
    PluginLoader loader,
    IPluginStateStoreFactory stateStores,
    IOptions<PluginOptions> options,
    TimeProvider time,
    ILoggerFactory loggerFactory)
{
    private readonly ILogger logger = loggerFactory.CreateLogger<IsolatedPluginLoader>();

    public async Task<LoadedPlugin> LoadAsync(PluginManifest manifest, string folder, CancellationToken cancellationToken)
    {
        var configuration = loader.BuildSection(manifest.Id).AsEnumerable(makePathsRelative: true)
            .Where(p => p.Value is not null)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var endpoint = new HubEndpoint(stateStores.Create(manifest.Id), loggerFactory.CreateLogger($"Plugin.{manifest.Id}"));
        var (process, description) = await PluginProcess.StartAsync(manifest, folder, configuration, endpoint, options.Value, logger, cancellationToken);
        var actions = description.Actions.Select(a => (ActionBinding)new RemoteActionBinding(new ActionInfo(a.Capability, a.Title, a.Description, a.Family, a.Sensitive))).ToList();
        var sources = description.Sources.Select(s => new EventSourceRegistration(s.Id, s.Title, s.Topics, s.Description, typeof(Sdk.Connectors.IEventSource))).ToList();
        return new LoadedPlugin
        {
            Manifest = manifest,
            Folder = folder,
            Runtime = new IsolatedPluginRuntime(manifest, folder, configuration, endpoint, process, options.Value, time, logger),
            Json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() },
            Actions = actions.ToDictionary(a => a.Capability, StringComparer.Ordinal),
            Schemas = description.Actions.ToDictionary(a => a.Capability, a => (JsonNode.Parse(a.InputSchema.GetRawText())!, JsonNode.Parse(a.OutputSchema.GetRawText())!), StringComparer.Ordinal),
            Sources = sources,
            HealthChecks = [.. description.HealthChecks.Select(h => new PluginHealthCheckRegistration(h, typeof(Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck)))],
            Stats = loader.CreateStats(manifest, actions, sources),
        };
    }
}
