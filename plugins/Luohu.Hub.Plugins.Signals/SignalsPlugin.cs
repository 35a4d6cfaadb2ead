using Luohu.Hub.Plugins.Signals.Connectors;
using Luohu.Hub.Plugins.Signals.Simulation;
using Luohu.Hub.Sdk.Families;
using Luohu.Hub.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Plugins.Signals;

/// <summary>
/// Entry type of <c>luohu.signals</c>: 24 simulated intersections. Registers the network as the unified
/// <see cref="ISignalController"/>, the state-change event source, one action and a health check.
/// </summary>
public sealed class SignalsPlugin : IHubPlugin
{
    /// <inheritdoc />
    public void Configure(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);

        // Read and check the settings now, so a bad value fails the load with a clear message.
        plugin.Services.AddSingleton(SignalsOptions.From(plugin.Configuration));

        // One network instance serves both the family interface and the plugin's own connectors.
        plugin.Services.AddSingleton<SignalNetwork>();
        plugin.Services.AddSingleton<ISignalController>(sp => sp.GetRequiredService<SignalNetwork>());

        plugin
            .AddEventSource<SignalStateEventSource>(
                "signals.state", "Signal state changes", "signals/+/state",
                "One event per phase change (and per plan or override change): intersection, phase, previous phase, plan, mode, phase end.")
            .AddAction<ListIntersectionsAction, ListIntersectionsRequest, IntersectionList>(
                "signals.list-intersections", "List intersections", "Every intersection with its location, phases, timing plans and whether it serves a hospital.")
            .AddHealthCheck<ControllersHealthCheck>("controllers");
    }
}
