using Luohu.Hub.Runtime.Plugins;

namespace Luohu.Hub.Runtime.Tests.Plugins;

/// <summary>The two sample vendor plugins through the real loader: load, call, reload, unload — and no leak.</summary>
public sealed class SamplePluginTests
{
    [Fact]
    public async Task Parking_loads_emits_answers_reloads_and_unloads_with_every_context_collected()
    {
        await using var hub = await new TestHub().StartAsync();

        var installed = await hub.InstallAsync("Luohu.Hub.Plugins.Parking");
        Assert.Equal(PluginState.Running, installed.State);
        await Poll.UntilAsync(() => hub.Publisher.Messages.Any(m => m.Topic.StartsWith("sensors/parking/LH-", StringComparison.Ordinal)), "parking occupancy events");
        var lot = await hub.InvokeAsync("parking.get-lot", new { lotId = "LH-0042" });
        Assert.Equal("LH-0042", lot.GetProperty("lot").GetString());
        var reading = await hub.InvokeAsync("sensor.read", new { deviceId = "LH-0042" });
        Assert.Equal("parking.free", reading.GetProperty("kind").GetString());

        await hub.Manager.ReloadAsync("luohu.parking", CancellationToken.None);
        var countAfterReload = hub.Publisher.Messages.Count;
        await Poll.UntilAsync(() => hub.Publisher.Messages.Count > countAfterReload, "events again after the reload");
        Assert.Equal("LH-0001", (await hub.InvokeAsync("parking.get-lot", new { lotId = "LH-0001" })).GetProperty("lot").GetString());

        await hub.Manager.UninstallAsync("luohu.parking", CancellationToken.None);

        Assert.Equal(2, hub.Manager.UnloadsConfirmed);
        Assert.Equal(0, hub.Manager.UnloadsNotConfirmed);
        Assert.Null(hub.Catalog.Find("parking.get-lot"));
    }

    [Fact]
    public async Task Signals_loads_validates_reloads_and_unloads_with_every_context_collected()
    {
        await using var hub = await new TestHub().StartAsync();

        await hub.InstallAsync("Luohu.Hub.Plugins.Signals");
        var held = await hub.InvokeAsync("signal.set-phase", new { intersectionId = "LH-X005", phaseId = "pedestrian", durationSeconds = 40, reason = "elderly crossing" });
        Assert.Equal("pedestrian", held.GetProperty("phaseId").GetString());
        var error = await Assert.ThrowsAsync<Capabilities.CapabilityException>(() =>
            hub.InvokeAsync("signal.set-phase", new { intersectionId = "LH-X005", phaseId = "flying", durationSeconds = 40 }));
        Assert.Equal("phaseId", error.Field);

        await hub.Manager.ReloadAsync("luohu.signals", CancellationToken.None);
        Assert.Equal("LH-X001", (await hub.InvokeAsync("signal.get-state", new { intersectionId = "LH-X001" })).GetProperty("intersectionId").GetString());
        await hub.Manager.UninstallAsync("luohu.signals", CancellationToken.None);

        Assert.Equal(2, hub.Manager.UnloadsConfirmed);
        Assert.Equal(0, hub.Manager.UnloadsNotConfirmed);
    }

    [Fact]
    public async Task Held_event_sources_emit_nothing_until_released_then_their_first_snapshot_arrives_whole()
    {
        await using var hub = new TestHub();
        hub.Manager.HoldEventSources();
        await hub.StartAsync();
        await hub.InstallAsync("Luohu.Hub.Plugins.Parking");

        // The actions serve while the sources are held.
        Assert.Equal("LH-0007", (await hub.InvokeAsync("parking.get-lot", new { lotId = "LH-0007" })).GetProperty("lot").GetString());
        await Task.Delay(TimeSpan.FromMilliseconds(1500));
        Assert.Empty(hub.Publisher.Messages);

        hub.Manager.ReleaseEventSources();

        await Poll.UntilAsync(() => hub.Publisher.Messages.Select(m => m.Topic).Distinct().Count() >= 620, "all 620 car parks in the first snapshot");
    }
}
