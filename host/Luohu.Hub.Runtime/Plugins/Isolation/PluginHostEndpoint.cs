using System.Text.Json;
using Luohu.Hub.Sdk.Connectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamJsonRpc;

namespace Luohu.Hub.Runtime.Plugins.Isolation;

/// <summary>
/// The plugin process's side of the channel: loads the plugin with the same loader the hub uses in process,
/// then serves the hub's calls. Every failure of plugin code comes back as data; running out of memory ends
/// the process with <see cref="PluginProcessExit.OutOfMemory"/>, since nothing after it can be trusted.
/// </summary>
internal sealed class PluginHostEndpoint : IAsyncDisposable
{
    private JsonRpc? rpc;
    private LoadedPlugin? plugin;
    private ILoggerFactory? loggers;
    private int maxEventBytes;

    public void Attach(JsonRpc channel) => rpc = channel;

    public LoadResult Load(LoadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var manifest = PluginManifestReader.Read(request.Folder);
            var prefix = $"Hub:Plugins:{manifest.Id}:";
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(request.Configuration.Select(p => new KeyValuePair<string, string?>(prefix + p.Key, p.Value)))
                .Build();
            loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(new RemoteLoggerProvider(Channel)));
            var pipelines = new ConnectorPipelineFactory(Options.Create(new PluginOptions()), TimeProvider.System);
            var loader = new PluginLoader(TimeProvider.System, loggers, new RemoteStateStoreFactory(Channel), pipelines, configuration);
            plugin = loader.Load(manifest, request.Folder);
            maxEventBytes = request.MaxEventBytes;
            return new LoadResult(Describe(plugin), PluginErrorKind.InvalidPackage, null);
        }
        catch (PluginOperationException ex)
        {
            return new LoadResult(null, ex.Kind, ex.Message);
        }
    }

    public async Task<CallResult> InvokeAsync(string capability, JsonElement input, ActionContext context, CancellationToken cancellationToken)
    {
        var loaded = Loaded;
        if (!loaded.Actions.TryGetValue(capability, out var action))
        {
            return new CallResult(null, false, null, nameof(InvalidOperationException), $"the plugin has no action '{capability}'");
        }

        object? value;
        try
        {
            value = action.ReadInput(input, loaded.Json);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            return new CallResult(null, true, path, null, $"The input of '{capability}' does not fit its schema at {path}: {ex.Message}");
        }
        catch (NotSupportedException ex)
        {
            return new CallResult(null, true, null, null, $"The input of '{capability}' cannot be read: {ex.Message}");
        }

        try
        {
            return new CallResult(await loaded.Runtime.InvokeAsync(action, value, context, cancellationToken), false, null, null, null);
        }
        catch (CapabilityInputException ex)
        {
            return new CallResult(null, true, ex.Field, null, ex.Message);
        }
        catch (OutOfMemoryException)
        {
            PluginProcessExit.OutOfMemoryReached();
            throw;
        }
        catch (Exception ex)
        {
            return new CallResult(null, false, null, ex.GetType().Name, ex.Message);
        }
    }

    public async Task<SourceEnd> RunSourceAsync(string sourceId, CancellationToken cancellationToken)
    {
        var loaded = Loaded;
        var source = loaded.Sources.First(s => s.Id == sourceId);
        await using var sink = new RemoteEventSink(Channel, sourceId, maxEventBytes);
        try
        {
            await loaded.Runtime.RunSourceAsync(source, sink, cancellationToken);
            return new SourceEnd(null, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new SourceEnd(null, null);
        }
        catch (OutOfMemoryException)
        {
            PluginProcessExit.OutOfMemoryReached();
            throw;
        }
        catch (Exception ex)
        {
            return new SourceEnd(ex.GetType().Name, ex.Message);
        }
    }

    public async Task<HealthResult> CheckHealthAsync(string name, CancellationToken cancellationToken)
    {
        var loaded = Loaded;
        var check = loaded.HealthChecks.First(c => c.Name == name);
        var result = await loaded.Runtime.CheckHealthAsync(check, cancellationToken);
        return new HealthResult(result.Status, result.Description ?? result.Exception?.Message);
    }

    /// <summary>The hub is retiring this version: dispose the plugin's services, then the process ends.</summary>
    public async Task ShutdownAsync()
    {
        await DisposeAsync();
        rpc?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        var loaded = Interlocked.Exchange(ref plugin, null);
        if (loaded is not null)
        {
            await loaded.UnloadAsync();
        }

        loggers?.Dispose();
    }

    private JsonRpc Channel => rpc ?? throw new InvalidOperationException("The channel is not attached.");

    private LoadedPlugin Loaded => plugin ?? throw new InvalidOperationException("No plugin is loaded in this process.");

    private static PluginDescription Describe(LoadedPlugin plugin) => new(
        [.. plugin.Actions.Values.Select(a => new RemoteAction(
            a.Capability, a.Info.Title, a.Info.Description, a.Info.Family, a.Info.Sensitive,
            JsonSerializer.SerializeToElement(plugin.Schemas[a.Capability].Input), JsonSerializer.SerializeToElement(plugin.Schemas[a.Capability].Output)))],
        [.. plugin.Sources.Select(s => new RemoteSource(s.Id, s.Title, s.Topics, s.Description))],
        [.. plugin.HealthChecks.Select(h => h.Name)]);
}
