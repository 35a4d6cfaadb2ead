using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Plugins;

namespace Luohu.Hub.Runtime.Tests.Plugins;

public sealed class InvokerTests
{
    // A generous timeout for the calls that must succeed (a cold first call on a loaded 2-core CI machine
    // JIT-compiles the plugin and the JSON contracts); the hang test shortens it for itself.
    private static TestHub FaultyHub(Action<PluginOptions>? configure = null) => new(o =>
    {
        o.InvokeTimeout = TimeSpan.FromSeconds(10);
        o.QuarantineAfterFaults = 1000;
        o.SourceRestartBackoffMin = o.SourceRestartBackoffMax = TimeSpan.FromMinutes(10);
        configure?.Invoke(o);
    });

    [Fact]
    public async Task InvokeAsync_ActionThatHangsIgnoringCancellation_TimesOutAndIsCounted()
    {
        await using var hub = await FaultyHub(o => o.InvokeTimeout = TimeSpan.FromMilliseconds(200)).StartAsync();
        await hub.InstallAsync("Faulty");

        var error = await Assert.ThrowsAsync<CapabilityException>(() => hub.InvokeAsync("faulty.hang", new { text = "x" }));

        Assert.Equal(CapabilityErrorKind.Timeout, error.Kind);
        Assert.Equal(1, Metrics(hub, "faulty.hang").Timeouts);
    }

    [Fact]
    public async Task InvokeAsync_ActionThatThrows_IsFailedWithTypeAndMessageAndRecorded()
    {
        await using var hub = await FaultyHub().StartAsync();
        await hub.InstallAsync("Faulty");

        var error = await Assert.ThrowsAsync<CapabilityException>(() => hub.InvokeAsync("faulty.throw", new { text = "x" }));

        Assert.Equal(CapabilityErrorKind.Failed, error.Kind);
        Assert.Contains("InvalidOperationException: faulty.throw always throws", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Metrics(hub, "faulty.throw").Failures);
        Assert.Contains("faulty.throw always throws", Metrics(hub, "faulty.throw").LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_CapabilityInputException_IsInvalidInputWithFieldAndNotAFailure()
    {
        await using var hub = await FaultyHub().StartAsync();
        await hub.InstallAsync("Faulty");

        var error = await Assert.ThrowsAsync<CapabilityException>(() => hub.InvokeAsync("faulty.reject", new { text = "x" }));

        Assert.Equal(CapabilityErrorKind.InvalidInput, error.Kind);
        Assert.Equal("text", error.Field);
        Assert.Equal(0, Metrics(hub, "faulty.reject").Failures);
    }

    [Fact]
    public async Task InvokeAsync_InputOfWrongShape_IsInvalidInputNamingThePath()
    {
        await using var hub = await FaultyHub().StartAsync();
        await hub.InstallAsync("Counter.V1");

        var error = await Assert.ThrowsAsync<CapabilityException>(() => hub.InvokeAsync("counter.add", new { add = "many" }));

        Assert.Equal(CapabilityErrorKind.InvalidInput, error.Kind);
        Assert.Equal("$.add", error.Field);
    }

    [Fact]
    public async Task InvokeAsync_RepeatedFailures_OpenTheCircuitWithRetryAfter()
    {
        await using var hub = await FaultyHub(o => o.CircuitMinimumThroughput = 4).StartAsync();
        await hub.InstallAsync("Faulty");
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<CapabilityException>(() => hub.InvokeAsync("faulty.throw", new { text = "x" }));
        }

        var error = await Assert.ThrowsAsync<CapabilityException>(() => hub.InvokeAsync("faulty.throw", new { text = "x" }));

        Assert.Equal(CapabilityErrorKind.Unavailable, error.Kind);
        Assert.NotNull(error.RetryAfter);
        Assert.Equal("Open", Metrics(hub, "faulty.throw").Circuit);
        Assert.Equal(PluginState.Degraded, hub.Manager.Find("fixtures.faulty")!.State);
    }

    [Fact]
    public async Task InvokeAsync_UnknownCapability_IsNotFound()
    {
        await using var hub = await FaultyHub().StartAsync();

        var error = await Assert.ThrowsAsync<CapabilityException>(() => hub.InvokeAsync("nobody.offers-this", new { }));

        Assert.Equal(CapabilityErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task FamilyInterface_OffersStandardCapabilitiesWithFamilyAndSchema()
    {
        await using var hub = await FaultyHub().StartAsync();
        await hub.InstallAsync("Counter.V1");

        var descriptor = hub.Catalog.Find("signal.set-phase");
        var result = await hub.InvokeAsync("signal.set-phase", new { intersectionId = "X1", phaseId = "EW", durationSeconds = 20 });

        Assert.NotNull(descriptor);
        Assert.Equal("ISignalController", descriptor.Family);
        Assert.True(descriptor.Sensitive);
        Assert.Equal(["fixtures.counter"], descriptor.Providers);
        Assert.NotNull(descriptor.InputSchema!["properties"]!["intersectionId"]);
        Assert.Equal("EW", result.GetProperty("phaseId").GetString());
    }

    [Fact]
    public async Task FamilyInterface_UnknownIntersection_IsInvalidInputNamingTheField()
    {
        await using var hub = await FaultyHub().StartAsync();
        await hub.InstallAsync("Counter.V1");

        var error = await Assert.ThrowsAsync<CapabilityException>(() => hub.InvokeAsync("signal.set-phase", new { intersectionId = "Z9", phaseId = "EW", durationSeconds = 20 }));

        Assert.Equal(CapabilityErrorKind.InvalidInput, error.Kind);
        Assert.Equal("intersectionId", error.Field);
    }

    private static ConnectorMetrics Metrics(TestHub hub, string connector) =>
        hub.Manager.List().SelectMany(p => p.Connectors).Single(c => c.Id == connector).Metrics;
}
