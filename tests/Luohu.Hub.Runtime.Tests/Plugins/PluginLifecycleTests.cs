using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Plugins;

namespace Luohu.Hub.Runtime.Tests.Plugins;

public sealed class PluginLifecycleTests
{
    [Fact]
    public async Task InstallAsync_CounterZip_RunsAndAnswersItsAction()
    {
        await using var hub = await new TestHub().StartAsync();

        var snapshot = await hub.InstallAsync("Counter.V1");
        var result = await hub.InvokeAsync("counter.add", new { add = 3 });

        Assert.Equal(PluginState.Running, snapshot.State);
        Assert.Equal("1.0.0", result.GetProperty("version").GetString());
        Assert.Equal(3, result.GetProperty("value").GetInt64());
    }

    [Fact]
    public async Task ReloadAsync_RunningPlugin_ServesAgainAndConfirmsTheOldUnload()
    {
        await using var hub = await new TestHub().StartAsync();
        await hub.InstallAsync("Counter.V1");
        await hub.InvokeAsync("counter.add", new { add = 5 });

        var snapshot = await hub.Manager.ReloadAsync("fixtures.counter", CancellationToken.None);
        var result = await hub.InvokeAsync("counter.add", new { add = 1 });

        Assert.Equal(PluginState.Running, snapshot.State);
        Assert.Equal(1, result.GetProperty("value").GetInt64());
        Assert.Equal(1, hub.Manager.UnloadsConfirmed);
    }

    [Fact]
    public async Task UninstallAsync_RemovesPluginFilesAndCapabilities()
    {
        await using var hub = await new TestHub().StartAsync();
        await hub.InstallAsync("Counter.V1");
        var states = new List<PluginState>();
        hub.Manager.StateChanged += (_, e) => states.Add(e.Plugin.State);

        await hub.Manager.UninstallAsync("fixtures.counter", CancellationToken.None);

        Assert.Empty(hub.Manager.List());
        Assert.Empty(hub.InstalledFolders());
        Assert.Null(hub.Catalog.Find("counter.add"));
        Assert.Equal([PluginState.Unloaded], states);
        var error = await Assert.ThrowsAsync<CapabilityException>(() => hub.InvokeAsync("counter.add", new { add = 1 }));
        Assert.Equal(CapabilityErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task InstallAsync_SameIdAndVersion_IsAConflictAndKeepsTheRunningOne()
    {
        await using var hub = await new TestHub().StartAsync();
        await hub.InstallAsync("Counter.V1");

        var error = await Assert.ThrowsAsync<PluginOperationException>(() => hub.InstallAsync("Counter.V1"));

        Assert.Equal(PluginErrorKind.Conflict, error.Kind);
        Assert.Contains("already installed", error.Message, StringComparison.Ordinal);
        Assert.Equal(PluginState.Running, hub.Manager.Find("fixtures.counter")!.State);
        Assert.Single(hub.InstalledFolders());
    }

    [Fact]
    public async Task InstallAsync_V2OverRunningV1_UpgradesWhileEventsKeepFlowing()
    {
        await using var hub = await new TestHub().StartAsync();
        await hub.InstallAsync("Counter.V1");
        await Poll.UntilAsync(() => hub.Publisher.Messages.Count(m => Version(m) == "1.0.0") >= 5, "v1 events");

        var snapshot = await hub.InstallAsync("Counter.V2");
        var seenAtSwitch = hub.Publisher.Messages.Count;
        await Poll.UntilAsync(() => hub.Publisher.Messages.Skip(seenAtSwitch).Count(m => Version(m) == "2.0.0") >= 5, "v2 events after the upgrade");
        var result = await hub.InvokeAsync("counter.add", new { add = 1 });

        Assert.Equal("2.0.0", snapshot.Version);
        Assert.Equal(PluginState.Running, snapshot.State);
        Assert.Equal("2.0.0", result.GetProperty("version").GetString());
        Assert.Equal(1, hub.Manager.UnloadsConfirmed);
        Assert.Single(hub.InstalledFolders());
        Assert.All(hub.Publisher.Messages, m => Assert.Equal("plugin:fixtures.counter/counter.ticks", m.Source));
    }

    [Fact]
    public async Task ReloadAsync_FiftyCycles_EveryOldContextIsCollected()
    {
        await using var hub = await new TestHub().StartAsync();
        await hub.InstallAsync("Counter.V1");

        for (var i = 0; i < 50; i++)
        {
            var snapshot = await hub.Manager.ReloadAsync("fixtures.counter", CancellationToken.None);
            await hub.InvokeAsync("counter.add", new { add = 1 });
            Assert.DoesNotContain("unload not confirmed", snapshot.Reason ?? string.Empty, StringComparison.Ordinal);
        }

        Assert.Equal(50, hub.Manager.UnloadsConfirmed);
        Assert.Equal(0, hub.Manager.UnloadsNotConfirmed);
    }

    [Fact]
    public async Task DisableAsync_StopsServingAndCallsAreUnavailable()
    {
        await using var hub = await new TestHub().StartAsync();
        await hub.InstallAsync("Counter.V1");

        var snapshot = await hub.Manager.DisableAsync("fixtures.counter", CancellationToken.None);
        var error = await Assert.ThrowsAsync<CapabilityException>(() => hub.InvokeAsync("counter.add", new { add = 1 }));

        Assert.Equal(PluginState.Disabled, snapshot.State);
        Assert.Equal(CapabilityErrorKind.Unavailable, error.Kind);
        Assert.Contains("Disabled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnableAsync_DisabledPlugin_RunsAgain()
    {
        await using var hub = await new TestHub().StartAsync();
        await hub.InstallAsync("Counter.V1");
        await hub.Manager.DisableAsync("fixtures.counter", CancellationToken.None);

        var snapshot = await hub.Manager.EnableAsync("fixtures.counter", CancellationToken.None);
        var result = await hub.InvokeAsync("counter.add", new { add = 2 });

        Assert.Equal(PluginState.Running, snapshot.State);
        Assert.Equal(2, result.GetProperty("value").GetInt64());
    }

    [Fact]
    public async Task Disabled_SurvivesAManagerRestart()
    {
        var settings = new InMemoryPluginSettingsStore();
        var path = Path.Combine(Path.GetTempPath(), "luohu-plugins-" + Guid.NewGuid().ToString("N"));
        await using (var first = await new TestHub(pluginsPath: path, settings: settings).StartAsync())
        {
            await first.InstallAsync("Counter.V1");
            await first.Manager.DisableAsync("fixtures.counter", CancellationToken.None);
            await first.Manager.StopAsync(CancellationToken.None);

            await using var second = await new TestHub(pluginsPath: path, settings: settings).StartAsync();

            Assert.Equal(PluginState.Disabled, second.Manager.Find("fixtures.counter")!.State);
            Assert.Null(second.Catalog.Find("counter.add"));
        }
    }

    [Fact]
    public async Task UnknownPlugin_OperationsAreNotFound()
    {
        await using var hub = await new TestHub().StartAsync();

        var error = await Assert.ThrowsAsync<PluginOperationException>(() => hub.Manager.EnableAsync("nobody.here", CancellationToken.None));

        Assert.Equal(PluginErrorKind.NotFound, error.Kind);
    }

    private static string? Version(Luohu.Hub.Runtime.Bus.HubMessage message) =>
        System.Text.Json.JsonDocument.Parse(message.Payload).RootElement.GetProperty("version").GetString();
}
