using Luohu.Hub.Plugins.Signals;
using Luohu.Hub.Plugins.Signals.Connectors;
using Luohu.Hub.Plugins.Signals.Simulation;
using Luohu.Hub.Plugins.Tests.Fakes;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Plugins.Tests.Signals;

public sealed class SignalsPluginTests
{
    private static RecordingPluginBuilder Configure()
    {
        var builder = new RecordingPluginBuilder(RecordingPluginBuilder.ManifestFor("luohu.signals"), new ManualTimeProvider(District.Tuesday(10)));
        new SignalsPlugin().Configure(builder);
        return builder;
    }

    [Fact]
    public void Configure_RegistersTheStateEventSource()
    {
        var source = Assert.Single(Configure().EventSources);
        Assert.Equal(("signals.state", "Signal state changes", "signals/+/state"), (source.Id, source.Title, source.Topics));
    }

    [Fact]
    public void Configure_RegistersListIntersections() =>
        Assert.Equal("signals.list-intersections", Assert.Single(Configure().Actions).Capability);

    [Fact]
    public void Configure_TheControllerFamilyAndTheConnectorsShareOneNetwork()
    {
        using var services = Configure().Services.BuildServiceProvider();
        Assert.Same(services.GetRequiredService<SignalNetwork>(), services.GetRequiredService<ISignalController>());
    }

    [Fact]
    public void Configure_EveryConnectorCanBeCreatedFromThePluginServices()
    {
        var builder = Configure();
        using var services = builder.Services.BuildServiceProvider();
        var types = builder.Actions.Select(a => a.Action)
            .Concat(builder.EventSources.Select(s => s.Source))
            .Concat(builder.HealthChecks.Select(h => h.Check));
        Assert.All(types, t => Assert.NotNull(ActivatorUtilities.CreateInstance(services, t)));
    }

    [Fact]
    public async Task HealthCheck_IsHealthyAndCountsOverrides()
    {
        var builder = Configure();
        var (name, type) = Assert.Single(builder.HealthChecks);
        using var services = builder.Services.BuildServiceProvider();
        await services.GetRequiredService<ISignalController>().SetPhaseAsync(new SetPhaseRequest("LH-X002", "EW-through", 30), CancellationToken.None);
        var result = await ((IHealthCheck)ActivatorUtilities.CreateInstance(services, type)).CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);

        Assert.Equal("controllers", name);
        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(24, result.Data["intersections"]);
        Assert.Equal(1, result.Data["overrides"]);
    }

    [Fact]
    public async Task ListIntersections_NearHospital_ListsThoseWithTheElderlyCrossingPlan()
    {
        using var services = Configure().Services.BuildServiceProvider();
        var action = ActivatorUtilities.CreateInstance<ListIntersectionsAction>(services);
        var context = new ActionContext { Capability = "signals.list-intersections", CorrelationId = "c-1" };
        var all = await action.InvokeAsync(new ListIntersectionsRequest(), context, CancellationToken.None);
        var near = await action.InvokeAsync(new ListIntersectionsRequest(NearHospital: true), context, CancellationToken.None);

        Assert.Equal(24, all.Intersections.Count);
        Assert.Equal(["LH-X005", "LH-X006", "LH-X007"], near.Intersections.Select(i => i.Id));
        Assert.All(near.Intersections, i =>
        {
            Assert.Contains("elderly-crossing", i.Plans);
            Assert.NotNull(i.Hospital);
        });
    }
}
