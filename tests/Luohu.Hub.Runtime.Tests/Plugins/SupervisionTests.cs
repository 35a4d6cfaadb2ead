using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Tests.Plugins;

public sealed class SupervisionTests
{
    [Fact]
    public async Task ThrowingEventSource_MakesThePluginDegradedWhileItRestarts()
    {
        await using var hub = await new TestHub(o =>
        {
            o.QuarantineAfterFaults = 1000;
            o.SourceRestartBackoffMin = o.SourceRestartBackoffMax = TimeSpan.FromMinutes(10);
        }).StartAsync();
        await hub.InstallAsync("Faulty");

        await Poll.UntilAsync(() => hub.Manager.Find("fixtures.faulty")!.State == PluginState.Degraded, "Degraded");
        var snapshot = hub.Manager.Find("fixtures.faulty")!;
        var echo = await hub.InvokeAsync("faulty.echo", new { text = "still here" });

        Assert.Contains("'faulty.events' is restarting", snapshot.Reason, StringComparison.Ordinal);
        Assert.Equal("still here", echo.GetProperty("text").GetString());
    }

    [Fact]
    public async Task RepeatedEventSourceFaults_QuarantineThePlugin()
    {
        await using var hub = await new TestHub(o => o.QuarantineAfterFaults = 3).StartAsync();
        await hub.InstallAsync("Faulty");

        await Poll.UntilAsync(() => hub.Manager.Find("fixtures.faulty")!.State == PluginState.Quarantined, "Quarantined");
        var error = await Assert.ThrowsAsync<CapabilityException>(() => hub.InvokeAsync("faulty.echo", new { text = "x" }));

        Assert.Contains("quarantined after 3 event-source faults", hub.Manager.Find("fixtures.faulty")!.Reason, StringComparison.Ordinal);
        Assert.Equal(CapabilityErrorKind.Unavailable, error.Kind);
        await Poll.UntilAsync(async () => (await hub.Settings.GetAsync("fixtures.faulty", CancellationToken.None))?.QuarantineReason is not null, "quarantine persisted");
    }

    [Fact]
    public async Task EnableAsync_QuarantinedPlugin_ClearsTheQuarantine()
    {
        await using var hub = await new TestHub(o =>
        {
            o.QuarantineAfterFaults = 2;
            o.SourceRestartBackoffMin = TimeSpan.FromMilliseconds(10);
        }).StartAsync();
        await hub.InstallAsync("Faulty");
        await Poll.UntilAsync(() => hub.Manager.Find("fixtures.faulty")!.State == PluginState.Quarantined, "Quarantined");

        // Slow the restarts down so the still-faulty source cannot re-quarantine the plugin before we look.
        var options = hub.Services.GetRequiredService<IOptions<PluginOptions>>().Value;
        options.SourceRestartBackoffMin = options.SourceRestartBackoffMax = TimeSpan.FromMinutes(10);
        var snapshot = await hub.Manager.EnableAsync("fixtures.faulty", CancellationToken.None);

        Assert.NotEqual(PluginState.Quarantined, snapshot.State);
        Assert.Null((await hub.Settings.GetAsync("fixtures.faulty", CancellationToken.None))!.QuarantineReason);
    }

    [Fact]
    public async Task BadCtorDroppedInPluginsFolder_IsFaultedAndOthersRun()
    {
        var path = Path.Combine(Path.GetTempPath(), "luohu-plugins-" + Guid.NewGuid().ToString("N"));
        TestPlugins.CopyTo("BadCtor", Path.Combine(path, "badctor"));
        TestPlugins.CopyTo("Counter.V1", Path.Combine(path, "counter"));

        await using var hub = await new TestHub(pluginsPath: path).StartAsync();

        var bad = hub.Manager.Find("fixtures.badctor")!;
        Assert.Equal(PluginState.Faulted, bad.State);
        Assert.Contains("threw InvalidOperationException", bad.Reason, StringComparison.Ordinal);
        Assert.Equal(PluginState.Running, hub.Manager.Find("fixtures.counter")!.State);
    }

    [Fact]
    public async Task FolderWatcher_PicksUpACopiedPluginAndUnloadsARemovedOne()
    {
        await using var hub = new TestHub(o => o.WatchDebounce = TimeSpan.FromMilliseconds(100));
        await hub.StartAsync();
        var watcher = new PluginFolderWatcher(hub.Manager, Microsoft.Extensions.Options.Options.Create(new PluginOptions { WatchDebounce = TimeSpan.FromMilliseconds(100) }), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PluginFolderWatcher>.Instance);
        using (watcher)
        {
            watcher.Start();
            var folder = TestPlugins.CopyTo("Counter.V1", Path.Combine(hub.PluginsPath, "dropped-counter"));
            await Poll.UntilAsync(() => hub.Manager.Find("fixtures.counter")?.State == PluginState.Running, "dropped plugin running");

            Directory.Delete(folder, recursive: true);
            await Poll.UntilAsync(() => hub.Manager.Find("fixtures.counter") is null, "removed plugin unloaded");
        }

        Assert.Null(hub.Catalog.Find("counter.add"));
    }

    [Fact]
    public async Task PluginsHealthCheck_ReportsDegradedWhenAPluginIsQuarantined()
    {
        await using var hub = await new TestHub(o => o.QuarantineAfterFaults = 2).StartAsync();
        await hub.InstallAsync("Faulty");
        await Poll.UntilAsync(() => hub.Manager.Find("fixtures.faulty")!.State == PluginState.Quarantined, "Quarantined");

        var result = await new PluginsHealthCheck(hub.Manager).CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, result.Status);
        Assert.True(result.Data.ContainsKey("fixtures.faulty"));
    }
}
