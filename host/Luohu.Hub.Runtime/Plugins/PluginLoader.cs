using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Sdk.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PluginAssemblyLoader = McMaster.NETCore.Plugins.PluginLoader;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// Turns a plugin folder into a <see cref="LoadedPlugin"/> running in this process, or throws
/// <see cref="PluginOperationException"/> having unloaded whatever it had loaded. It starts nothing: the
/// manager decides when connectors run. McMaster.NETCore.Plugins does the loading: one collectible context
/// per version, the plugin's own managed and native dependencies from its folder (its <c>.deps.json</c>),
/// and the contract assemblies below shared with the host so their types unify.
/// </summary>
internal sealed class PluginLoader(
    TimeProvider time,
    ILoggerFactory loggerFactory,
    IPluginStateStoreFactory stateStores,
    ConnectorPipelineFactory pipelines,
    IConfiguration? configuration = null,
    Security.PluginSettingsOverlay? overlay = null)
{
    /// <summary>
    /// One type from each assembly a plugin must see as the host's own: the SDK and the Microsoft.Extensions
    /// abstractions it speaks (with their dependencies, which McMaster shares too). A private copy would load
    /// beside the host's and every cast across the boundary would fail.
    /// </summary>
    private static readonly Type[] SharedTypes =
    [
        typeof(IHubPlugin), typeof(IServiceCollection), typeof(ServiceProvider), typeof(IConfiguration),
        typeof(ILogger), typeof(LoggerFactory), typeof(IOptions<>), typeof(IHealthCheck),
    ];

    private static readonly string SdkAssemblyName = typeof(IHubPlugin).Assembly.GetName().Name!;

    private readonly ILogger logger = loggerFactory.CreateLogger<PluginLoader>();

    public LoadedPlugin Load(PluginManifest manifest, string folder)
    {
        CheckFolder(manifest, folder);
        var assemblies = PluginAssemblyLoader.CreateFromAssemblyFile(Path.Combine(folder, manifest.Assembly), SharedTypes, config => config.IsUnloadable = true);
        ServiceProvider? services = null;
        PluginOperationException failure;
        try
        {
            var assembly = LoadMainAssembly(manifest, assemblies);
            PluginDependencyChecker.Check(manifest, assembly, assemblies.LoadContext);
            var plugin = CreateEntry(manifest, assembly);
            var section = BuildSection(manifest.Id);
            var collection = CreateServices(manifest, section);
            var builder = new PluginBuilder(manifest, section, collection);
            try
            {
                plugin.Configure(builder);
            }
            catch (Exception ex)
            {
                throw Invalid($"Plugin '{manifest.Id}': {manifest.EntryType}.Configure threw {ex.GetType().Name}: {ex.Message}. Fix the plugin's registration code.", ex);
            }

            var actions = builder.Actions.Concat(FamilyCapabilityScanner.Scan(collection)).ToList();
            var duplicate = actions.GroupBy(a => a.Capability).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw Invalid($"Plugin '{manifest.Id}' offers '{duplicate.Key}' twice (an action and a family interface, or two families). Register it once.");
            }

            services = BuildProvider(manifest, collection);
            Activate(manifest, services, actions, builder);
            var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
            return new LoadedPlugin
            {
                Manifest = manifest,
                Folder = folder,
                Runtime = new InProcessPluginRuntime(assemblies, services, json),
                Json = json,
                Actions = actions.ToDictionary(a => a.Capability, StringComparer.Ordinal),
                Schemas = actions.ToDictionary(a => a.Capability, a => (Schema(manifest, json, a.InputType), Schema(manifest, json, a.OutputType)), StringComparer.Ordinal),
                Sources = builder.Sources,
                HealthChecks = builder.HealthChecks,
                Stats = CreateStats(manifest, actions, builder.Sources),
            };
        }
        catch (Exception ex)
        {
            failure = ex as PluginOperationException ?? Invalid($"Plugin '{manifest.Id}' could not be loaded: {ex.GetType().Name}: {ex.Message}");
            if (failure.InnerException is not null || failure != ex)
            {
                // Logged here, with its stack, and not passed on: an exception thrown by plugin code keeps the plugin's
                // load context alive for as long as anything holds it, and the context must be collected now, by the collector.
                PluginLog.LoadFailed(logger, ex, manifest.Id, failure.Message);
                failure = new PluginOperationException(failure.Kind, failure.Message);
            }
        }

        services?.Dispose();
        var context = new WeakReference(assemblies.LoadContext);
        _ = PluginCodeCollector.UnloadAsync(context, () =>
        {
            assemblies.Dispose();
            return Task.CompletedTask;
        });
        throw failure;
    }

    private void CheckFolder(PluginManifest manifest, string folder)
    {
        if (File.Exists(Path.Combine(folder, SdkAssemblyName + ".dll")))
        {
            throw Invalid($"Plugin '{manifest.Id}' carries its own copy of {SdkAssemblyName}.dll. The hub shares its SDK with every plugin; remove the file (reference the SDK with Private=\"false\", or import build/Plugin.targets) and repack.");
        }

        // Shared assemblies are never loaded from the folder, so a stray copy is harmless; a version the host
        // lacks is caught by the dependency check. Warn so the vendor trims the package.
        foreach (var shared in Directory.EnumerateFiles(folder, "Microsoft.Extensions.*.dll"))
        {
            PluginLog.SharedAssemblyIgnored(logger, manifest.Id, Path.GetFileName(shared));
        }

        if (!File.Exists(Path.Combine(folder, manifest.Assembly)))
        {
            throw Invalid($"Plugin '{manifest.Id}': the assembly '{manifest.Assembly}' named in plugin.json is not in the package. Include it or correct the 'assembly' field.");
        }
    }

    private static Assembly LoadMainAssembly(PluginManifest manifest, PluginAssemblyLoader assemblies)
    {
        try
        {
            return assemblies.LoadDefaultAssembly();
        }
        catch (BadImageFormatException ex)
        {
            throw Invalid($"Plugin '{manifest.Id}': '{manifest.Assembly}' is not a .NET assembly ({ex.Message}).", ex);
        }
    }

    private static IHubPlugin CreateEntry(PluginManifest manifest, Assembly assembly)
    {
        var type = assembly.GetType(manifest.EntryType, throwOnError: false)
            ?? throw Invalid($"Plugin '{manifest.Id}': the entry type '{manifest.EntryType}' is not in {manifest.Assembly}. Check 'entryType' (namespace and class name).");
        if (!typeof(IHubPlugin).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw Invalid($"Plugin '{manifest.Id}': the entry type '{manifest.EntryType}' does not implement IHubPlugin as a concrete class (or was built against another copy of the SDK).");
        }

        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw Invalid($"Plugin '{manifest.Id}': the entry type '{manifest.EntryType}' needs a public parameterless constructor; take dependencies from the plugin's services instead.");
        }

        try
        {
            return (IHubPlugin)Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw Invalid($"Plugin '{manifest.Id}': the constructor of '{manifest.EntryType}' threw {ex.InnerException.GetType().Name}: {ex.InnerException.Message}. Keep constructors trivial; do work in services.", ex.InnerException);
        }
    }

    /// <summary>The plugin's file configuration with the settings stored through the API (secrets decrypted) layered over it.</summary>
    public IConfiguration BuildSection(string pluginId)
    {
        var fileSection = configuration?.GetSection($"Hub:Plugins:{pluginId}");
        var stored = overlay?.ConfigurationFor(pluginId) ?? [];
        if (stored.Count == 0)
        {
            return fileSection ?? (IConfiguration)new ConfigurationBuilder().Build();
        }

        var builder = new ConfigurationBuilder();
        if (fileSection is not null)
        {
            builder.AddConfiguration(fileSection);
        }

        return builder.AddInMemoryCollection(stored).Build();
    }

    private ServiceCollection CreateServices(PluginManifest manifest, IConfiguration section)
    {
        var collection = new ServiceCollection();
        var state = stateStores.Create(manifest.Id);
        var context = new PluginContext(manifest, section, loggerFactory.CreateLogger($"Plugin.{manifest.Id}"), time, state);
        collection.AddSingleton(manifest);
        collection.AddSingleton<IPluginContext>(context);
        collection.AddSingleton(time);
        collection.AddSingleton(loggerFactory);
        collection.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        collection.AddSingleton(section);
        collection.AddSingleton(state);
        return collection;
    }

    private static ServiceProvider BuildProvider(PluginManifest manifest, ServiceCollection collection)
    {
        try
        {
            return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        }
        catch (Exception ex)
        {
            throw Invalid($"Plugin '{manifest.Id}': its services cannot be built: {ex.Message}", ex);
        }
    }

    private static void Activate(PluginManifest manifest, ServiceProvider services, List<ActionBinding> actions, PluginBuilder builder)
    {
        string current = string.Empty;
        try
        {
            foreach (var action in actions)
            {
                current = action.Capability;
                action.Activate(services);
            }

            foreach (var source in builder.Sources)
            {
                current = source.Id;
                services.GetRequiredService(source.SourceType);
            }
        }
        catch (Exception ex)
        {
            throw Invalid($"Plugin '{manifest.Id}': creating connector '{current}' threw {ex.GetType().Name}: {ex.Message}.", ex);
        }
    }

    public Dictionary<string, ConnectorStats> CreateStats(PluginManifest manifest, List<ActionBinding> actions, IReadOnlyList<EventSourceRegistration> sources)
    {
        var stats = new Dictionary<string, ConnectorStats>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            var (pipeline, circuit) = pipelines.Create(manifest.Id, action.Capability);
            stats[action.Capability] = new ConnectorStats(manifest.Id, action.Capability, ConnectorKind.Action, time, pipeline, circuit);
        }

        foreach (var source in sources)
        {
            stats[source.Id] = new ConnectorStats(manifest.Id, source.Id, ConnectorKind.EventSource, time);
        }

        return stats;
    }

    private static JsonNode Schema(PluginManifest manifest, JsonSerializerOptions json, Type type)
    {
        try
        {
            return JsonSchemaExporter.GetJsonSchemaAsNode(json, type);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException)
        {
            throw Invalid($"Plugin '{manifest.Id}': the type {type.Name} cannot be described as JSON ({ex.Message}). Use plain records of JSON-friendly types.", ex);
        }
    }

    private static PluginOperationException Invalid(string message, Exception? inner = null) => new(PluginErrorKind.InvalidPackage, message, inner);
}
