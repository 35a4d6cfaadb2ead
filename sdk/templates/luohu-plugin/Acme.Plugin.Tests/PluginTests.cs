using Luohu.Hub.Sdk.Testing;

namespace Acme.Plugin.Tests;

public sealed class PluginTests
{
    /// <summary>The plugin's build output, in the configuration these tests were built in.</summary>
    private static readonly string PluginFolder = Path.GetFullPath(Path.Combine(
        AppContext.BaseDirectory, "..", "..", "..", "..", "Acme.Plugin", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0"));

    private static readonly Dictionary<string, string?> FastHeartbeat = new() { ["HeartbeatMs"] = "10" };

    [Fact]
    public async Task Echo_answers_with_the_text()
    {
        await using var host = await PluginTestHost.StartAsync(PluginFolder);

        var answer = await host.InvokeAsync("acme.plugin.echo", new { text = "hello" });

        Assert.Equal("Running", host.State);
        Assert.Equal("hello", answer.GetProperty("text").GetString());
        Assert.Equal(5, answer.GetProperty("length").GetInt32());
    }

    [Fact]
    public async Task Echo_without_text_is_the_callers_error_naming_the_field()
    {
        await using var host = await PluginTestHost.StartAsync(PluginFolder);

        var error = await Assert.ThrowsAsync<PluginCallException>(() => host.InvokeAsync("acme.plugin.echo", new { text = "" }));

        Assert.Equal("InvalidInput", error.Kind);
        Assert.Equal("text", error.Field);
    }

    [Fact]
    public async Task Heartbeat_emits_numbered_events()
    {
        await using var host = await PluginTestHost.StartAsync(PluginFolder, FastHeartbeat);

        var events = await host.WaitForEventsAsync(3, TimeSpan.FromSeconds(10));

        Assert.True(events.Count >= 3, $"expected 3 heartbeats, got {events.Count}");
        Assert.All(events, e => Assert.Equal("vendors/acme.plugin/heartbeat", e.Topic));
        Assert.Equal([1L, 2L, 3L], events.Take(3).Select(e => e.Payload.GetProperty("beat").GetInt64()));
    }

    [Fact]
    public async Task Health_is_healthy()
    {
        await using var host = await PluginTestHost.StartAsync(PluginFolder);

        Assert.Equal("Healthy", await host.CheckHealthAsync());
    }
#if (isSensor)

    [Fact]
    public async Task Sensor_family_reads_a_known_device_and_refuses_an_unknown_one()
    {
        await using var host = await PluginTestHost.StartAsync(PluginFolder);

        var reading = await host.InvokeAsync("sensor.read", new { deviceId = "acme-0001" });
        var error = await Assert.ThrowsAsync<PluginCallException>(() => host.InvokeAsync("sensor.read", new { deviceId = "nope" }));

        Assert.Equal("water-level", reading.GetProperty("kind").GetString());
        Assert.Equal("deviceId", error.Field);
    }
#endif

    [Fact]
    public async Task Runs_the_same_in_its_own_process()
    {
        await using var host = await PluginTestHost.StartAsync(PluginFolder, isolated: true);

        var answer = await host.InvokeAsync("acme.plugin.echo", new { text = "isolated" });

        Assert.Equal("isolated", answer.GetProperty("text").GetString());
    }
}
