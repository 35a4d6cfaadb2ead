using Luohu.Hub.Sdk.Connectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Sdk.Plugins;

/// <summary>
/// Given to <see cref="IHubPlugin.Configure"/>. Services registered here live in the plugin's own
/// child service provider. A service registered as one of the family interfaces (for example
/// <see cref="Families.ISignalController"/>) automatically offers that family's standard capabilities.
/// </summary>
public interface IPluginBuilder
{
    /// <summary>The plugin's manifest as installed.</summary>
    PluginManifest Manifest { get; }

    /// <summary>The plugin's configuration section (<c>Hub:Plugins:{id}</c> in the host's configuration).</summary>
    IConfiguration Configuration { get; }

    /// <summary>The services of the plugin's child provider. The host adds <see cref="IPluginContext"/>,
    /// <see cref="TimeProvider"/>, logging and configuration before <see cref="IHubPlugin.Configure"/> runs.</summary>
    IServiceCollection Services { get; }

    /// <summary>Offers an action under a capability id such as <c>parking.get-lot</c>.</summary>
    /// <typeparam name="TAction">The connector; created from the plugin's services.</typeparam>
    /// <typeparam name="TInput">The input record; its JSON schema becomes the designer's form.</typeparam>
    /// <typeparam name="TOutput">The output record.</typeparam>
    /// <param name="capability">Lower-case dotted id, e.g. <c>parking.get-lot</c>.</param>
    /// <param name="title">A short title for the designer's palette.</param>
    /// <param name="description">What the action does, for the designer.</param>
    IPluginBuilder AddAction<TAction, TInput, TOutput>(string capability, string title, string? description = null)
        where TAction : class, IActionConnector<TInput, TOutput>;

    /// <summary>Offers a long-running event source that the host starts, supervises and restarts with backoff.</summary>
    /// <typeparam name="TSource">The event source; created from the plugin's services.</typeparam>
    /// <param name="id">Lower-case dotted id, e.g. <c>parking.occupancy</c>.</param>
    /// <param name="title">A short title for the designer's palette.</param>
    /// <param name="topics">The topic filter (MQTT syntax) of the events it emits, e.g. <c>sensors/parking/+/occupancy</c>.</param>
    /// <param name="description">What the events mean, for the designer.</param>
    IPluginBuilder AddEventSource<TSource>(string id, string title, string topics, string? description = null)
        where TSource : class, IEventSource;

    /// <summary>Adds a health check that the host runs as part of the plugin's health.</summary>
    /// <typeparam name="THealthCheck">The check; created from the plugin's services.</typeparam>
    /// <param name="name">A name unique within the plugin.</param>
    IPluginBuilder AddHealthCheck<THealthCheck>(string name)
        where THealthCheck : class, IHealthCheck;
}
