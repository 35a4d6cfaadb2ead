using Luohu.Hub.Rules;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Flows.Hosting;
using Luohu.Hub.Runtime.Outbox;
using Luohu.Hub.Runtime.Plugins;
using Luohu.Hub.Runtime.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Hosting;

/// <summary>The hub's parts, each bound from its place in the <c>Hub</c> configuration section.</summary>
public static class HubBuilderExtensions
{
    /// <summary>The embedded SQLite store under <c>Hub:DataPath</c>, migrated at start before the other parts.</summary>
    /// <param name="hub">The hub builder.</param>
    public static IHubBuilder AddSqliteStore(this IHubBuilder hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var dataPath = Options(hub).ResolveDataPath(hub.ContentRoot);
        hub.Services.AddHubSqliteStore(options => options.DataPath = dataPath);
        hub.Services.AddHostedService<StoreStartupService>();
        return hub;
    }

    /// <summary>The in-process message bus (bounded queues, back-pressure).</summary>
    /// <param name="hub">The hub builder.</param>
    public static IHubBuilder AddBus(this IHubBuilder hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        hub.Services.AddHubBus(options => hub.Configuration.GetSection("Hub:Bus").Bind(options));
        return hub;
    }

    /// <summary>
    /// The plugin runtime: installs under <c>Hub:PluginsPath</c>, bundled samples from <c>Hub:BundledPluginsPath</c>,
    /// tuning (timeouts, circuit breaker, quarantine) from <c>Hub:PluginHost</c>, each plugin's own settings from
    /// <c>Hub:Plugins:{id}</c>.
    /// </summary>
    /// <param name="hub">The hub builder.</param>
    public static IHubBuilder AddPlugins(this IHubBuilder hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var options = Options(hub);
        var pluginsPath = options.ResolvePluginsPath(hub.ContentRoot);
        var bundledPath = options.ResolveBundledPluginsPath(hub.ContentRoot);
        var tuning = hub.Configuration.GetSection("Hub:PluginHost");
        hub.Services.AddHubPlugins(plugins =>
        {
            tuning.Bind(plugins);
            plugins.PluginsPath = pluginsPath;
            plugins.BundledPluginsPath = bundledPath ?? string.Empty;
        });
        return hub;
    }

    /// <summary>The JavaScript sandbox and rule workflows; limits (and per-department limits) from <c>Hub:Rules</c>.</summary>
    /// <param name="hub">The hub builder.</param>
    public static IHubBuilder AddRules(this IHubBuilder hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        hub.Services.AddHubRules(hub.Configuration.GetSection("Hub:Rules"));
        return hub;
    }

    /// <summary>
    /// Flows: live deploys, versions, dead letters, alerts; tuning from <c>Hub:Flows</c>. The sample flows are
    /// imported and deployed at the first start of an empty store from <c>Hub:Flows:SamplesPath</c>.
    /// </summary>
    /// <param name="hub">The hub builder.</param>
    public static IHubBuilder AddFlows(this IHubBuilder hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        hub.Services.AddHubFlows(options => hub.Configuration.GetSection("Hub:Flows").Bind(options));
        return hub;
    }

    /// <summary>
    /// The outbox for capabilities that change the world (<c>credit.settle</c>): recorded before the call, result after,
    /// resumed with the same key after a crash; tuning from <c>Hub:Outbox</c>.
    /// </summary>
    /// <param name="hub">The hub builder.</param>
    public static IHubBuilder AddOutbox(this IHubBuilder hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        hub.Services.AddHubOutbox(options => hub.Configuration.GetSection("Hub:Outbox").Bind(options));
        return hub;
    }

    private static HubOptions Options(IHubBuilder hub) => ((HubBuilder)hub).Options;
}
