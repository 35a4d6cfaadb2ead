using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Luohu.Hub.Runtime.Webhooks;

namespace Luohu.Hub.Host.Tests;

/// <summary>
/// A backup taken while the hub writes, restored into a fresh folder, gives a hub that serves the same flows, users,
/// secrets (so the key ring came along) and a verifying audit chain; a restore never overwrites anything.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task Backup_WhileWriting_RestoresIntoAFreshHubWithTheSameFlowsUsersSecretsAndAuditChain()
    {
        var restored = Path.Combine(Path.GetTempPath(), "luohu-hub-tests", "restored-" + Guid.NewGuid().ToString("N"));
        var backupFile = Path.GetTempFileName();
        string[] flowsBefore;
        await using (var source = await HubServer.StartAsync(new Dictionary<string, string?> { ["Hub:Flows:SamplesPath"] = string.Empty }))
        {
            await source.CreateUserAsync("backup-user", ["editor"], ["water"]);
            await HubServer.EnsureSuccessAsync(await source.Client.PutAsJsonAsync("/api/v1/secrets/water/gauge-key", new { value = "gauge-secret-1" }));
            await HubServer.EnsureSuccessAsync(await source.Client.PutAsync("/api/v1/flows/gauges", Json("""
                { "id": "gauges", "name": "Gauges", "department": "water",
                  "nodes": [ { "id": "hook", "type": "trigger.http", "config": { "path": "gauges", "auth": "hmac", "secretRef": "gauge-key" } } ], "wires": [] }
                """)));
            await HubServer.EnsureSuccessAsync(await source.Client.PostAsJsonAsync("/api/v1/flows/gauges/deploy", new { comment = "before the backup" }));

            using var stop = new CancellationTokenSource();
            var written = 0;
            var writer = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var id = $"busy-{written}";
                    await HubServer.EnsureSuccessAsync(await source.Client.PutAsync($"/api/v1/flows/{id}", Json($$"""{ "id": "{{id}}", "name": "Busy", "department": "water", "nodes": [], "wires": [] }""")));
                    written++;
                }
            });
            await Poll.UntilAsync(() => Volatile.Read(ref written) >= 5, "the writer got going");

            Assert.Equal(HttpStatusCode.Unauthorized, (await source.AnonymousClient().PostAsync("/api/v1/backup", null)).StatusCode);
            using var editor = await source.CreateClientAsync(["editor", "ops"], ["water"]);
            Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync("/api/v1/backup", null)).StatusCode);
            flowsBefore = await FlowIdsAsync(source.Client);
            var backup = await source.Client.PostAsync("/api/v1/backup", null);
            await stop.CancelAsync();
            await writer;

            await HubServer.EnsureSuccessAsync(backup);
            Assert.Equal("application/zip", backup.Content.Headers.ContentType?.MediaType);
            await File.WriteAllBytesAsync(backupFile, await backup.Content.ReadAsByteArrayAsync());
            Assert.Contains("backup.create", await source.Client.GetStringAsync("/api/v1/audit?action=backup.create"), StringComparison.Ordinal);
        }

        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(0, await RestoreCommand.RunAsync([backupFile, $"--Hub:DataPath={restored}"], output, error));
        Assert.Contains("Restored the backup of", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await RestoreCommand.RunAsync([backupFile, $"--Hub:DataPath={restored}"], output, error));
        Assert.Contains("is not empty", error.ToString(), StringComparison.Ordinal);

        await using var hub = await HubServer.StartAsync(new Dictionary<string, string?> { ["Hub:Flows:SamplesPath"] = string.Empty }, dataPath: restored);
        var flowsAfter = await FlowIdsAsync(hub.Client);
        var users = await hub.Client.GetStringAsync("/api/v1/users");
        using var verify = JsonDocument.Parse(await hub.Client.GetStringAsync("/api/v1/audit/verify"));
        const string Body = """{ "level": 3.2 }""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/water/gauges") { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Hub-Signature-256", WebhookAuth.Sign(Encoding.UTF8.GetBytes(Body), "gauge-secret-1"));
        var signed = await hub.Client.SendAsync(request);

        Assert.Subset(flowsAfter.ToHashSet(), flowsBefore.ToHashSet());
        Assert.Contains("backup-user", users, StringComparison.Ordinal);
        Assert.True(verify.RootElement.GetProperty("ok").GetBoolean(), verify.RootElement.ToString());
        Assert.True(verify.RootElement.GetProperty("entries").GetInt64() > flowsBefore.Length);
        Assert.Equal(HttpStatusCode.Accepted, signed.StatusCode);
        File.Delete(backupFile);
    }

    [Fact]
    public async Task Restore_NotABackup_SaysSoAndLeavesNoFolder()
    {
        var target = Path.Combine(Path.GetTempPath(), "luohu-hub-tests", "not-restored-" + Guid.NewGuid().ToString("N"));
        var zip = Path.GetTempFileName();
        await File.WriteAllTextAsync(zip, "not a zip");
        var error = new StringWriter();

        var code = await RestoreCommand.RunAsync([zip, $"--Hub:DataPath={target}"], new StringWriter(), error);

        Assert.Equal(1, code);
        Assert.Contains("is not a readable backup", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
        File.Delete(zip);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<string[]> FlowIdsAsync(HttpClient client)
    {
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/flows"));
        return [.. list.RootElement.EnumerateArray().Select(f => f.GetProperty("id").GetString()!)];
    }
}
