using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Luohu.Hub.Plugins.Tests.Fakes;

/// <summary>
/// Stands in for the host's builder: adds what the host promises (context, clock, logging, configuration)
/// and records what the plugin registers.
/// </summary>
public sealed class RecordingPluginBuilder : IPluginBuilder
{
    public RecordingPluginBuilder(PluginManifest manifest, TimeProvider time, IDictionary<string, string?>? settings = null)
    {
        Manifest = manifest;
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        Context = new FakePluginContext(manifest, Configuration, time);
        Services.AddSingleton<IPluginContext>(Context);
        Services.AddSingleton(time);
        Services.AddSingleton(Configuration);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
    }

    public PluginManifest Manifest { get; }

    public IConfiguration Configuration { get; }

    public IServiceCollection Services { get; } = new ServiceCollection();

    public FakePluginContext Context { get; }

    public List<(string Capability, string Title, Type Action, Type Input, Type Output)> Actions { get; } = [];

    public List<(string Id, string Title, string Topics, Type Source)> EventSources { get; } = [];

    public List<(string Name, Type Check)> HealthChecks { get; } = [];

    public IPluginBuilder AddAction<TAction, TInput, TOutput>(string capability, string title, string? description = null)
        where TAction : class, IActionConnector<TInput, TOutput>
    {
        Actions.Add((capability, title, typeof(TAction), typeof(TInput), typeof(TOutput)));
        return this;
    }

    public IPluginBuilder AddEventSource<TSource>(string id, string title, string topics, string? description = null)
        where TSource : class, IEventSource
    {
        EventSources.Add((id, title, topics, typeof(TSource)));
        return this;
    }

    public IPluginBuilder AddHealthCheck<THealthCheck>(string name)
        where THealthCheck : class, IHealthCheck
    {
        HealthChecks.Add((name, typeof(THealthCheck)));
        return this;
    }

    public static PluginManifest ManifestFor(string id) => new()
    {
        Id = id,
        Name = id,
        Vendor = "test",
        Version = "1.0.0",
        Sdk = "[1.0,2.0)",
        Assembly = id + ".dll",
        EntryType = id,
    };
}
