using System.Text.RegularExpressions;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>What a plugin's <c>Configure</c> writes into: its services and its connectors.</summary>
internal sealed partial class PluginBuilder(PluginManifest manifest, IConfiguration configuration, IServiceCollection services) : IPluginBuilder
{
    private readonly List<ActionBinding> actions = [];
    private readonly List<EventSourceRegistration> sources = [];
    private readonly List<PluginHealthCheckRegistration> healthChecks = [];

    public PluginManifest Manifest { get; } = manifest;

    public IConfiguration Configuration { get; } = configuration;

    public IServiceCollection Services { get; } = services;

    public IReadOnlyList<ActionBinding> Actions => actions;

    public IReadOnlyList<EventSourceRegistration> Sources => sources;

    public IReadOnlyList<PluginHealthCheckRegistration> HealthChecks => healthChecks;

    public IPluginBuilder AddAction<TAction, TInput, TOutput>(string capability, string title, string? description = null)
        where TAction : class, IActionConnector<TInput, TOutput>
    {
        CheckId(capability, "capability");
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (actions.Any(a => a.Capability == capability))
        {
            throw new ArgumentException($"Plugin '{Manifest.Id}' registers the action '{capability}' twice; give each action its own capability id.", nameof(capability));
        }

        // Connectors are singletons unless the plugin registered them itself with another lifetime.
        Services.TryAddSingleton<TAction>();
        actions.Add(new ConnectorActionBinding<TAction, TInput, TOutput>(new ActionInfo(capability, title, description, null, false)));
        return this;
    }

    public IPluginBuilder AddEventSource<TSource>(string id, string title, string topics, string? description = null)
        where TSource : class, IEventSource
    {
        CheckId(id, "id");
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(topics);
        if (sources.Any(s => s.Id == id))
        {
            throw new ArgumentException($"Plugin '{Manifest.Id}' registers the event source '{id}' twice; give each source its own id.", nameof(id));
        }

        Services.TryAddSingleton<TSource>();
        sources.Add(new EventSourceRegistration(id, title, topics, description, typeof(TSource)));
        return this;
    }

    public IPluginBuilder AddHealthCheck<THealthCheck>(string name)
        where THealthCheck : class, IHealthCheck
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Services.TryAddSingleton<THealthCheck>();
        healthChecks.Add(new PluginHealthCheckRegistration(name, typeof(THealthCheck)));
        return this;
    }

    private void CheckId(string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || !ConnectorId().IsMatch(value))
        {
            throw new ArgumentException($"Plugin '{Manifest.Id}': the {what} '{value}' is invalid; use lower-case dotted words such as 'parking.get-lot'.", what);
        }
    }

    [GeneratedRegex("^[a-z0-9]+([.-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ConnectorId();
}
