using System.Text.Json;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Plugins;
using Luohu.Hub.Runtime.Plugins.Isolation;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Tests.Plugins;

/// <summary>Plugins in their own process: the same connectors as in process, and a crash that stays in its process.</summary>
public sealed class IsolationTests
{
    private const string CounterTopic = "fixtures/counter/ticks";

    [Fact]
    public async Task IsolatedPlugin_ServesItsActionEventsHealthAndState_LikeInProcess()
    {
        await using var hub = await new TestHub(o => o.PluginIsolation["fixtures.counter"] = PluginIsolation.Process).StartAsync();

        var snapshot = await hub.InstallAsync("Counter.V1");
        var first = await hub.InvokeAsync("counter.add", new { add = 3 });
        var second = await hub.InvokeAsync("counter.add", new { add = 4 });
        await Poll.UntilAsync(() => Ticks(hub, "1.0.0").Count >= 5, "five ticks from the isolated counter");
        await hub.Manager.RefreshHealthAsync(CancellationToken.None);

        Assert.Equal(PluginIsolation.Process, snapshot.Isolation);
        Assert.NotEqual(Environment.ProcessId, Runtime(hub, "fixtures.counter").ProcessId);
        Assert.Equal(3, first.GetProperty("value").GetInt64());
        Assert.Equal(7, second.GetProperty("value").GetInt64());
        Assert.Equal([1, 2, 3, 4, 5], Ticks(hub, "1.0.0").Take(5));
        Assert.Equal("Healthy", hub.Manager.Find("fixtures.counter")!.Health);
        Assert.Contains("integer", hub.Catalog.Find("counter.add")!.InputSchema!["properties"]!["add"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsolatedPlugin_BadInputAndItsStateStore_BehaveAsInProcess()
    {
        await using var hub = await new TestHub().StartAsync();
        await hub.InstallAsync("Crashing");

        var invalid = await Assert.ThrowsAsync<CapabilityException>(() => hub.InvokeAsync("crashing.crash", new { how = "politely" }));
        var notJson = await Assert.ThrowsAsync<CapabilityException>(() => hub.InvokeAsync("crashing.echo", new { how = 5 }));
        await hub.InvokeAsync("crashing.remember", new { how = "first" });
        var remembered = await hub.InvokeAsync("crashing.remember", new { how = "second" });

        Assert.Equal(CapabilityErrorKind.InvalidInput, invalid.Kind);
        Assert.Equal("how", invalid.Field);
        Assert.Equal(CapabilityErrorKind.InvalidInput, notJson.Kind);
        Assert.Contains("$.how", notJson.Message, StringComparison.Ordinal);
        Assert.Equal("first", remembered.GetProperty("text").GetString());
        Assert.Equal("second", await hub.Services.GetRequiredService<IPluginStateStoreFactory>().Create("fixtures.crashing").GetAsync("last", CancellationToken.None));
    }

    [Theory]
    [InlineData("stack-overflow", "overflowed its stack")]
    [InlineData("exit", "exited with code 1")]
    [InlineData("allocate", "went over its memory limit of 160 MiB")]
    [InlineData("segfault", "SIGSEGV")]
    public async Task ProcessDeath_FailsTheCallInFlight_RestartsThePlugin_AndLeavesTheRestRunning(string how, string reason)
    {
        await using var hub = await new TestHub(o => o.ProcessMemoryLimitMb = 160).StartAsync();
        await hub.InstallAsync("Counter.V1");
        await hub.InstallAsync("Crashing");
        var before = (await hub.InvokeAsync("crashing.echo", new { how = "hi" })).GetProperty("processId").GetInt32();

        var error = await Assert.ThrowsAsync<CapabilityException>(() => hub.InvokeAsync("crashing.crash", new { how }));
        await ReplacedAsync(hub, "fixtures.crashing", before);
        var after = (await hub.InvokeAsync("crashing.echo", new { how = "again" })).GetProperty("processId").GetInt32();
        var counter = await hub.InvokeAsync("counter.add", new { add = 2 });
        var ticks = Ticks(hub, "1.0.0");

        Assert.Equal(CapabilityErrorKind.ProcessExited, error.Kind);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("in flight", error.Message, StringComparison.Ordinal);
        Assert.NotEqual(before, after);
        Assert.Contains(reason, hub.Manager.Find("fixtures.crashing")!.Reason, StringComparison.Ordinal);
        Assert.Equal(PluginState.Running, hub.Manager.Find("fixtures.counter")!.State);
        Assert.Equal(2, counter.GetProperty("value").GetInt64());
        Assert.Equal(Enumerable.Range(1, ticks.Count).Select(i => (long)i), ticks);
    }

    [Fact]
    public async Task ARunawayLoop_OverTheCpuLimit_IsKilled_Restarted_AndSaysSo()
    {
        // CPU seconds over the process's life (setrlimit(RLIMIT_CPU)): its start and load fit well inside 4 s.
        await using var hub = await new TestHub(o =>
        {
            o.ProcessCpuLimitSeconds = 4;
            o.InvokeTimeout = TimeSpan.FromSeconds(60);
        }).StartAsync();
        await hub.InstallAsync("Crashing");
        var before = (await hub.InvokeAsync("crashing.echo", new { how = "hi" })).GetProperty("processId").GetInt32();

        var error = await Assert.ThrowsAsync<CapabilityException>(() => hub.InvokeAsync("crashing.crash", new { how = "spin" }));
        await ReplacedAsync(hub, "fixtures.crashing", before);
        var after = (await hub.InvokeAsync("crashing.echo", new { how = "again" })).GetProperty("processId").GetInt32();

        Assert.Equal(CapabilityErrorKind.ProcessExited, error.Kind);
        Assert.Contains("went over its CPU limit of 4 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("went over its CPU limit", hub.Manager.Find("fixtures.crashing")!.Reason, StringComparison.Ordinal);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task RepeatedCrashes_QuarantineThePlugin_WithTheReason()
    {
        await using var hub = await new TestHub(o => o.QuarantineAfterCrashes = 2).StartAsync();
        await hub.InstallAsync("Crashing");
        var first = Runtime(hub, "fixtures.crashing").ProcessId!.Value;

        await Assert.ThrowsAsync<CapabilityException>(() => hub.InvokeAsync("crashing.crash", new { how = "exit" }));
        await ReplacedAsync(hub, "fixtures.crashing", first);
        await Assert.ThrowsAsync<CapabilityException>(() => hub.InvokeAsync("crashing.crash", new { how = "exit" }));
        await Poll.UntilAsync(() => hub.Manager.Find("fixtures.crashing")!.State == PluginState.Quarantined, "quarantine after the second crash");
        var refused = await Assert.ThrowsAsync<CapabilityException>(() => hub.InvokeAsync("crashing.echo", new { how = "anyone?" }));
        var settings = await hub.Settings.GetAsync("fixtures.crashing", CancellationToken.None);

        Assert.Contains("quarantined after 2 process crashes", hub.Manager.Find("fixtures.crashing")!.Reason, StringComparison.Ordinal);
        Assert.Contains("exited with code 1", hub.Manager.Find("fixtures.crashing")!.Reason, StringComparison.Ordinal);
        Assert.Equal(CapabilityErrorKind.Unavailable, refused.Kind);
        Assert.Contains("process crashes", settings!.QuarantineReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KilledProcess_EventSourceResumesInTheReplacement()
    {
        await using var hub = await new TestHub(o => o.PluginIsolation["fixtures.counter"] = PluginIsolation.Process).StartAsync();
        await hub.InstallAsync("Counter.V1");
        await Poll.UntilAsync(() => Ticks(hub, "1.0.0").Count >= 3, "ticks before the kill");
        var pid = Runtime(hub, "fixtures.counter").ProcessId!.Value;

        System.Diagnostics.Process.GetProcessById(pid).Kill();
        await ReplacedAsync(hub, "fixtures.counter", pid);
        var seen = Ticks(hub, "1.0.0").Count;
        await Poll.UntilAsync(() => Ticks(hub, "1.0.0").Count >= seen + 3, "ticks from the replacement");

        Assert.Contains("SIGKILL", hub.Manager.Find("fixtures.counter")!.Reason, StringComparison.Ordinal);
        Assert.Equal(PluginState.Running, hub.Manager.Find("fixtures.counter")!.State);
    }

    [Fact]
    public async Task Upgrade_IsolatedPluginWhileItsSourceEmits_SwitchesToTheNewProcessAndEndsTheOld()
    {
        await using var hub = await new TestHub(o => o.PluginIsolation["fixtures.counter"] = PluginIsolation.Process).StartAsync();
        await hub.InstallAsync("Counter.V1");
        await Poll.UntilAsync(() => Ticks(hub, "1.0.0").Count >= 3, "ticks from 1.0.0");
        var oldPid = Runtime(hub, "fixtures.counter").ProcessId!.Value;

        var upgraded = await hub.InstallAsync("Counter.V2");
        await Poll.UntilAsync(() => Ticks(hub, "2.0.0").Count >= 3, "ticks from 2.0.0");
        var answer = await hub.InvokeAsync("counter.add", new { add = 1 });
        var v1 = Ticks(hub, "1.0.0");

        Assert.Equal("2.0.0", upgraded.Version);
        Assert.Equal(PluginIsolation.Process, upgraded.Isolation);
        Assert.Equal("2.0.0", answer.GetProperty("version").GetString());
        Assert.Equal(Enumerable.Range(1, v1.Count).Select(i => (long)i), v1);
        Assert.True(HasExited(oldPid), $"the 1.0.0 process {oldPid} should have ended");
    }

    [Fact]
    public async Task Uninstall_IsolatedPlugin_EndsItsProcess()
    {
        await using var hub = await new TestHub().StartAsync();
        await hub.InstallAsync("Crashing");
        var pid = Runtime(hub, "fixtures.crashing").ProcessId!.Value;

        await hub.Manager.UninstallAsync("fixtures.crashing", CancellationToken.None);

        Assert.True(HasExited(pid), $"the plugin process {pid} should have ended");
        Assert.Null(hub.Catalog.Find("crashing.echo"));
    }

    private static List<long> Ticks(TestHub hub, string version) =>
    [
        .. hub.Publisher.Messages
            .Where(m => m.Topic == CounterTopic)
            .Select(m => JsonDocument.Parse(m.Payload).RootElement)
            .Where(e => e.GetProperty("version").GetString() == version)
            .Select(e => e.GetProperty("count").GetInt64()),
    ];

    /// <summary>Waits until a process other than <paramref name="pid"/> serves the plugin and it is Running again.</summary>
    private static Task ReplacedAsync(TestHub hub, string id, int pid) =>
        Poll.UntilAsync(
            () => Runtime(hub, id).ProcessId is { } serving && serving != pid && hub.Manager.Find(id)!.State == PluginState.Running,
            TimeSpan.FromSeconds(30),
            $"a replacement for process {pid} of {id}");

    private static IsolatedPluginRuntime Runtime(TestHub hub, string id) =>
        (IsolatedPluginRuntime)hub.Manager.ActiveRuntime(id)!;

    private static bool HasExited(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
