using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Luohu.Hub.Host.Tests;

namespace Luohu.Hub.District.Tests;

/// <summary>
/// Camera grants by device group through the capability API, on the bundled cameras plugin: the police see every group,
/// the education bureau only the school gates, a department without a camera grant nothing.
/// </summary>
[Collection(CameraScenarios.Name)]
public sealed class CameraGrantTests(CamerasHub fixture)
{
    private readonly HubServer hub = fixture.Server;

    private static async Task<List<JsonElement>> CamerasAsync(HttpResponseMessage response)
    {
        await HubServer.EnsureSuccessAsync(response);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cameras").EnumerateArray()];
    }

    [Fact]
    public async Task ThePolice_ListingWithoutAGroup_SeeAllThirtySixCamerasOfTheThreeGroups()
    {
        using var police = await hub.CreateClientAsync(["integrator"], ["police"]);

        var cameras = await CamerasAsync(await police.PostAsJsonAsync("/api/v1/capabilities/camera.list", new { }));

        Assert.Equal(36, cameras.Count);
        Assert.Equal(["hospital-crossings", "main-roads", "school-gates"], cameras.Select(c => c.GetProperty("deviceGroup").GetString()).Distinct().Order());
    }

    [Fact]
    public async Task Education_ListingWithoutAGroup_SeesTheTwelveSchoolGatesOnly()
    {
        using var education = await hub.CreateClientAsync(["integrator"], ["education"]);

        var cameras = await CamerasAsync(await education.PostAsJsonAsync("/api/v1/capabilities/camera.list", new { }));

        Assert.Equal(12, cameras.Count);
        Assert.All(cameras, c => Assert.Equal("school-gates", c.GetProperty("deviceGroup").GetString()));
    }

    [Fact]
    public async Task Education_NamingMainRoads_OrSnapshottingAMainRoadCamera_Is403NamingTheGroup()
    {
        using var education = await hub.CreateClientAsync(["integrator"], ["education"]);

        var list = await education.PostAsJsonAsync("/api/v1/capabilities/camera.list", new { deviceGroup = "main-roads" });
        var snapshot = await education.PostAsJsonAsync("/api/v1/capabilities/camera.snapshot", new { cameraId = "MR-02" });
        var ownSnapshot = await education.PostAsJsonAsync("/api/v1/capabilities/camera.snapshot", new { cameraId = "SG-02" });

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Contains("'main-roads'", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, snapshot.StatusCode);
        Assert.Contains("device group 'main-roads'", await snapshot.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await HubServer.EnsureSuccessAsync(ownSnapshot);
        Assert.Equal("SG-02", (await ownSnapshot.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cameraId").GetString());
    }

    [Fact]
    public async Task ADepartmentWithoutACameraGrant_Is403_AndCannotWatchTheCameras()
    {
        using var water = await hub.CreateClientAsync(["integrator"], ["water"]);

        var list = await water.PostAsJsonAsync("/api/v1/capabilities/camera.list", new { });
        using var stream = await water.GetAsync(new Uri("/api/v1/messages/stream?topic=" + Uri.EscapeDataString("cameras/#"), UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Contains("No capability grant covers 'camera.list'", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, stream.StatusCode);
    }

    [Fact]
    public async Task Education_WatchesTheSchoolGates_ButNotTheMainRoads()
    {
        using var education = await hub.CreateClientAsync(["viewer"], ["education"]);
        await using var gates = await EventStream.OpenAsync(education, "cameras/school-gates/#");
        using var roads = await education.GetAsync(new Uri("/api/v1/messages/stream?topic=" + Uri.EscapeDataString("cameras/main-roads/#"), UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Forbidden, roads.StatusCode);

        var scene = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/camera.simulate", new { cameraId = "SG-05", kind = "person", person = new { child = true } });
        await HubServer.EnsureSuccessAsync(scene);

        var seen = await gates.NextAsync(match: m => m.GetProperty("topic").GetString() == "cameras/school-gates/SG-05/person");
        var payload = DistrictHub.Payload(seen);
        Assert.True(payload.GetProperty("person").GetProperty("child").GetBoolean());
        Assert.Equal("person", payload.GetProperty("kind").GetString());
        Assert.StartsWith("https://vms.luohu-vision.example/snapshots/school-gates/SG-05/", payload.GetProperty("snapshot").GetProperty("uri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_AnUnknownKind_Is400NamingTheField()
    {
        var response = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/camera.simulate", new { cameraId = "MR-01", kind = "siren" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("kind", problem, StringComparison.Ordinal);
        Assert.Contains("face, person, plate, honking", problem, StringComparison.Ordinal);
    }
}
