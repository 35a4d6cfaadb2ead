using System.Net.Http.Json;
using System.Text.Json;
using Luohu.Hub.Host.Tests;

namespace Luohu.Hub.District.Tests;

/// <summary>
/// "Longer green for the elderly" end to end: a scene at a hospital-crossing camera (the cameras plugin), the sample flow
/// on the real bus, <c>signal.set-phase</c> on the isolated signals plugin.
/// </summary>
[Collection(CameraScenarios.Name)]
public sealed class ElderlyCrossingTests(CamerasHub fixture)
{
    private readonly HubServer hub = fixture.Server;

    private async Task SeeAsync(string cameraId, object person)
    {
        var scene = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/camera.simulate", new { cameraId, kind = "person", person });
        await HubServer.EnsureSuccessAsync(scene);
    }

    private async Task<JsonElement> StateAsync(string intersectionId)
    {
        var response = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/signal.get-state", new { intersectionId });
        await HubServer.EnsureSuccessAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task AnElderlyPedestrian_AtLuohuHospital_HoldsThePedestrianGreen_Bounded()
    {
        using var traffic = await hub.CreateClientAsync(["viewer"], ["traffic"]);
        await using var reports = await EventStream.OpenAsync(traffic, "district/traffic/elderly-crossing/#");

        await SeeAsync("HC-05", new { elderly = true });

        var report = DistrictHub.Payload(await reports.NextAsync(match: m => m.GetProperty("topic").GetString() == "district/traffic/elderly-crossing/LH-X007"));
        Assert.Equal("pedestrian", report.GetProperty("phaseId").GetString());
        Assert.Equal(35, report.GetProperty("durationSeconds").GetInt32());
        Assert.Equal("HC-05", report.GetProperty("cameraId").GetString());
        var state = await StateAsync("LH-X007");
        Assert.Equal("pedestrian", state.GetProperty("currentPhase").GetString());
        Assert.Equal("override", state.GetProperty("mode").GetString());
        Assert.Equal(report.GetProperty("heldUntil").GetDateTimeOffset(), state.GetProperty("phaseEndsAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task AtMostOncePerCycle_AndOnlyForTheElderlyOrAWheelchair()
    {
        using var traffic = await hub.CreateClientAsync(["viewer"], ["traffic"]);
        await using var reports = await EventStream.OpenAsync(traffic, "district/traffic/elderly-crossing/#");

        // A wheelchair at People's Hospital (LH-X005): 45 s. Then, within the same cycle, an elderly pedestrian at the
        // other camera of the same crossing, and a young adult at LH-X006: neither extends. The flow takes its messages
        // in order, so the LH-X006 wheelchair's report coming next proves both were handled and passed over.
        await SeeAsync("HC-01", new { wheelchair = true });
        var first = DistrictHub.Payload(await reports.NextAsync());
        await SeeAsync("HC-02", new { elderly = true });
        await SeeAsync("HC-03", new { elderly = false, child = false });
        await SeeAsync("HC-04", new { wheelchair = true });
        var next = DistrictHub.Payload(await reports.NextAsync());

        Assert.Equal("LH-X005", first.GetProperty("intersectionId").GetString());
        Assert.Equal(45, first.GetProperty("durationSeconds").GetInt32());
        Assert.Equal("LH-X006", next.GetProperty("intersectionId").GetString());
        Assert.Equal("HC-04", next.GetProperty("cameraId").GetString());
    }
}
