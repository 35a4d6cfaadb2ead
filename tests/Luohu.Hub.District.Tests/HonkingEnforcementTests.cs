using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Luohu.Hub.Host.Tests;

namespace Luohu.Hub.District.Tests;

/// <summary>
/// "Honking enforcement" end to end: a honking car located by a main-road acoustic array (the cameras plugin), the sample
/// flow of the police on the real bus, the evidence record in the police's alerts and on their evidence topic.
/// </summary>
[Collection(CameraScenarios.Name)]
public sealed class HonkingEnforcementTests(CamerasHub fixture)
{
    private readonly HubServer hub = fixture.Server;

    private async Task<JsonElement> HonkAsync(string cameraId, string plate, double db)
    {
        var scene = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/camera.simulate", new { cameraId, kind = "honking", plate, soundLevelDb = db });
        await HubServer.EnsureSuccessAsync(scene);
        return await scene.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task AHonkWithAPlate_IsAnEvidenceRecordWithItsSnapshot_ForTheTrafficPolice()
    {
        using var police = await hub.CreateClientAsync(["viewer"], ["police"]);
        await using var evidence = await EventStream.OpenAsync(police, "evidence/police/honking/#");

        var scene = await HonkAsync("MR-04", "粤B8H3K2", 91.5);

        var record = DistrictHub.Payload(await evidence.NextAsync(match: m => m.GetProperty("topic").GetString() == "evidence/police/honking/MR-04"));
        Assert.Equal("粤B8H3K2", record.GetProperty("plate").GetString());
        Assert.Equal(91.5, record.GetProperty("soundLevelDb").GetDouble());
        Assert.Equal(scene.GetProperty("snapshotUri").GetString(), record.GetProperty("snapshot").GetProperty("uri").GetString());
        Assert.StartsWith("HK-MR-04-", record.GetProperty("evidenceId").GetString(), StringComparison.Ordinal);

        var alerts = (await DistrictHub.AlertsAsync(police)).EnumerateArray().Where(a => a.GetProperty("flowId").GetString() == "honking-enforcement").ToList();
        var kept = Assert.Single(alerts, a => a.GetProperty("payload").GetProperty("plate").GetString() == "粤B8H3K2");
        Assert.Equal("police", kept.GetProperty("department").GetString());
        Assert.Equal(scene.GetProperty("snapshotUri").GetString(), kept.GetProperty("payload").GetProperty("snapshot").GetProperty("uri").GetString());
    }

    [Fact]
    public async Task AnotherDepartment_SeesNoEvidence_AndCannotWatchTheEvidenceTopic()
    {
        using var police = await hub.CreateClientAsync(["viewer"], ["police"]);
        await using var evidence = await EventStream.OpenAsync(police, "evidence/police/honking/#");
        await HonkAsync("MR-07", "粤BD12345", 88);
        await evidence.NextAsync(match: m => m.GetProperty("topic").GetString() == "evidence/police/honking/MR-07");

        foreach (var department in new[] { "traffic", "education" })
        {
            using var other = await hub.CreateClientAsync(["viewer"], [department]);
            var alerts = await DistrictHub.AlertsAsync(other);
            Assert.DoesNotContain(alerts.EnumerateArray(), a => a.GetProperty("flowId").GetString() == "honking-enforcement");
            var asked = await DistrictHub.AlertsAsync(other, "police");
            Assert.Empty(asked.EnumerateArray());
            using var stream = await other.GetAsync(new Uri("/api/v1/messages/stream?topic=" + Uri.EscapeDataString("evidence/police/#"), UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.Forbidden, stream.StatusCode);
        }
    }
}
