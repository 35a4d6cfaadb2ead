using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Host.Tests;

/// <summary>
/// The hub on a data folder that fills up (a 48 MiB tmpfs, filled to the last byte by the test), as the soak's full-disk
/// fault found it: a change is refused with 507 and a text that says what to do, nothing is half applied, a plugin whose
/// event source fails on the full store is restarted and never quarantined for it, reads with an API key still work
/// (the key's last-used time cannot be written), and once space is back everything
/// works again. Mounting needs root, as tests/run.sh has (it installs packages); without it the test fails saying so.
/// </summary>
public sealed class FullDataFolderTests
{
    [Fact]
    public async Task A_full_data_folder_answers_changes_with_507_changes_nothing_quarantines_no_plugin_and_recovers_when_freed()
    {
        var data = Path.Combine(Path.GetTempPath(), "luohu-hub-tests", "full-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", data);
        try
        {
            await using (var hub = await HubServer.StartAsync(new Dictionary<string, string?>
            {
                // Quick restarts and a low quarantine threshold: without the fix, the parking source would be
                // quarantined within a second of the disk filling up.
                ["Hub:PluginHost:QuarantineAfterFaults"] = "2",
                ["Hub:PluginHost:SourceRestartBackoffMin"] = "00:00:00.050",
                ["Hub:PluginHost:SourceRestartBackoffMax"] = "00:00:00.200",
                // Every request with a key writes the key's last-used time: with the data folder full, that write must
                // not fail the request (it answered 500 to every call before).
                ["Hub:Auth:KeyLastUsedInterval"] = "00:00:00",
                // The parking source writes its checkpoint at its first tick and every 60th: every 3 s here.
                ["Hub:Plugins:luohu.parking:TickMilliseconds"] = "50",
            }, Path.Combine(data, "hub")))
            {
                await HubServer.EnsureSuccessAsync(await hub.Client.PostAsJsonAsync("/api/v1/flows", Flow("before")));
                var filler = Path.Combine(data, "filler");
                Fill(filler);

                var save = await hub.Client.PutAsJsonAsync("/api/v1/flows/disk", Flow("during"));
                var deploy = await hub.Client.PostAsync(new Uri("/api/v1/flows/disk/deploy", UriKind.Relative), null);
                var problem = JsonNode.Parse(await save.Content.ReadAsStringAsync())!;
                var read = await hub.Client.GetAsync(new Uri("/api/v1/flows/disk", UriKind.Relative));
                var kept = JsonNode.Parse(await read.Content.ReadAsStringAsync())!;
                var parking = await PluginWhenAsync(hub, p => p["reason"]?.GetValue<string>()?.Contains("not counted against the plugin", StringComparison.Ordinal) == true,
                    "the parking source failing on the full store");
                await Task.Delay(TimeSpan.FromSeconds(1)); // several more quick restarts, each failing again
                var afterRestarts = JsonNode.Parse(await hub.Client.GetStringAsync(new Uri("/api/v1/plugins/luohu.parking", UriKind.Relative)))!;

                File.Delete(filler);
                var saveAfter = await hub.Client.PutAsJsonAsync("/api/v1/flows/disk", Flow("after"));
                var deployAfter = await hub.Client.PostAsync(new Uri("/api/v1/flows/disk/deploy", UriKind.Relative), null);

                Assert.Equal(HttpStatusCode.InsufficientStorage, save.StatusCode);
                Assert.Equal(HttpStatusCode.InsufficientStorage, deploy.StatusCode);
                Assert.Equal("The hub's data folder is full", problem["title"]!.GetValue<string>());
                Assert.Contains("Nothing was half applied", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
                Assert.Equal(HttpStatusCode.OK, read.StatusCode);
                Assert.Equal("before", kept["name"]!.GetValue<string>());
                Assert.Contains("database or disk is full", parking["reason"]!.GetValue<string>(), StringComparison.Ordinal);
                Assert.NotEqual("Quarantined", afterRestarts["state"]!.GetValue<string>());
                Assert.Equal(HttpStatusCode.OK, saveAfter.StatusCode);
                Assert.Equal(HttpStatusCode.OK, deployAfter.StatusCode);
                await PluginWhenAsync(hub, p => p["state"]!.GetValue<string>() == "Running", "parking Running again once space is back");
            }
        }
        finally
        {
            await RunAsync("umount", "-l", data);
        }
    }

    private static JsonObject Flow(string name) => new()
    {
        ["id"] = "disk", ["name"] = name, ["department"] = "traffic",
        ["nodes"] = new JsonArray(
            new JsonObject { ["id"] = "in", ["type"] = "trigger.topic", ["config"] = new JsonObject { ["topic"] = "signals/disk-test" } },
            new JsonObject { ["id"] = "out", ["type"] = "debug" }),
        ["wires"] = new JsonArray(new JsonObject { ["from"] = "in", ["to"] = "out" }),
    };

    private static void Fill(string path)
    {
        var chunk = new byte[1 << 20];
        try
        {
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
            while (true)
            {
                stream.Write(chunk);
                stream.Flush();
            }
        }
        catch (IOException)
        {
            // No space left on the device.
        }
    }

    private static async Task<JsonNode> PluginWhenAsync(HubServer hub, Func<JsonNode, bool> condition, string what)
    {
        JsonNode? plugin = null;
        await Poll.UntilAsync(async () =>
        {
            plugin = JsonNode.Parse(await hub.Client.GetStringAsync(new Uri("/api/v1/plugins/luohu.parking", UriKind.Relative)));
            return condition(plugin!);
        }, TimeSpan.FromSeconds(30), what);
        return plugin!;
    }

    private static async Task RunAsync(string tool, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Trim()}. This test needs root for its tmpfs, as tests/run.sh has.");
    }
}
