using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Luohu.Hub.Host.Tests.Security;

/// <summary>The grant examples end to end: the Cameras and Credit fixtures loaded by the real loader, seeded grants.</summary>
public sealed class CameraAndCreditGrantTests(CameraCreditHubFixture fixture) : IClassFixture<CameraCreditHubFixture>
{
    private HubServer Hub => fixture.Hub;

    [Theory]
    [InlineData("school-gates", "sg-001")]
    [InlineData("hospitals", "hp-001")]
    [InlineData("traffic", "tr-001")]
    public async Task ThePolice_MayListAndSnapshot_EveryDeviceGroup(string group, string camera)
    {
        using var police = await Hub.CreateClientAsync(["integrator"], ["police"]);

        var list = await police.PostAsJsonAsync("/api/v1/capabilities/camera.list", new { deviceGroup = group });
        var snapshot = await police.PostAsJsonAsync("/api/v1/capabilities/camera.snapshot", new { cameraId = camera });

        await HubServer.EnsureSuccessAsync(list);
        await HubServer.EnsureSuccessAsync(snapshot);
        var cameras = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cameras").EnumerateArray().ToList();
        Assert.NotEmpty(cameras);
        Assert.All(cameras, c => Assert.Equal(group, c.GetProperty("deviceGroup").GetString()));
        Assert.Equal(camera, (await snapshot.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cameraId").GetString());
    }

    [Fact]
    public async Task ThePolice_MayListEveryCamera_WithoutNamingAGroup()
    {
        using var police = await Hub.CreateClientAsync(["integrator"], ["police"]);

        var list = await police.PostAsJsonAsync("/api/v1/capabilities/camera.list", new { });

        await HubServer.EnsureSuccessAsync(list);
        Assert.Equal(5, (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cameras").GetArrayLength());
    }

    [Fact]
    public async Task Education_MayListSchoolGates()
    {
        using var education = await Hub.CreateClientAsync(["integrator"], ["education"]);

        var list = await education.PostAsJsonAsync("/api/v1/capabilities/camera.list", new { deviceGroup = "school-gates" });

        await HubServer.EnsureSuccessAsync(list);
        Assert.Equal(2, (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cameras").GetArrayLength());
    }

    [Fact]
    public async Task Education_ListingHospitals_Is403NamingTheMissingGrant()
    {
        using var education = await Hub.CreateClientAsync(["integrator"], ["education"]);

        var list = await education.PostAsJsonAsync("/api/v1/capabilities/camera.list", new { deviceGroup = "hospitals" });

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Contains("A grant for device group 'hospitals' is missing", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Education_ListingWithoutAGroup_IsAnsweredWithTheSchoolGatesOnly()
    {
        using var education = await Hub.CreateClientAsync(["integrator"], ["education"]);

        var list = await education.PostAsJsonAsync("/api/v1/capabilities/camera.list", new { });

        await HubServer.EnsureSuccessAsync(list);
        var cameras = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cameras").EnumerateArray().ToList();
        Assert.Equal(2, cameras.Count);
        Assert.All(cameras, c => Assert.Equal("school-gates", c.GetProperty("deviceGroup").GetString()));
    }

    [Fact]
    public async Task Education_MaySnapshotASchoolGateCamera_ByIdAlone()
    {
        using var education = await Hub.CreateClientAsync(["integrator"], ["education"]);

        var snapshot = await education.PostAsJsonAsync("/api/v1/capabilities/camera.snapshot", new { cameraId = "sg-002" });

        await HubServer.EnsureSuccessAsync(snapshot);
    }

    [Fact]
    public async Task Education_SnapshotOfAHospitalCamera_Is403NamingItsGroup()
    {
        using var education = await Hub.CreateClientAsync(["integrator"], ["education"]);

        var snapshot = await education.PostAsJsonAsync("/api/v1/capabilities/camera.snapshot", new { cameraId = "hp-001" });

        Assert.Equal(HttpStatusCode.Forbidden, snapshot.StatusCode);
        Assert.Contains("'hospitals'", await snapshot.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Education_CannotPassAHospitalCamera_OffAsASchoolGate()
    {
        using var education = await Hub.CreateClientAsync(["integrator"], ["education"]);

        var snapshot = await education.PostAsJsonAsync("/api/v1/capabilities/camera.snapshot", new { cameraId = "hp-001", deviceGroup = "school-gates" });

        Assert.Equal(HttpStatusCode.Forbidden, snapshot.StatusCode);
        Assert.Contains("Camera 'hp-001' is in device group 'hospitals', not 'school-gates'", await snapshot.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_MayAssessCredit()
    {
        using var health = await Hub.CreateClientAsync(["integrator"], ["health"]);

        var assess = await health.PostAsJsonAsync("/api/v1/capabilities/credit.assess", new { citizenId = "P-1001", hospitalId = "LH-PH", amount = 1200m });

        await HubServer.EnsureSuccessAsync(assess);
        Assert.True((await assess.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approved").GetBoolean());
    }

    [Fact]
    public async Task Water_AssessingCredit_Is403NamingTheMissingGrant()
    {
        using var water = await Hub.CreateClientAsync(["integrator"], ["water"]);

        var assess = await water.PostAsJsonAsync("/api/v1/capabilities/credit.assess", new { citizenId = "P-1002", hospitalId = "LH-PH", amount = 800m });

        Assert.Equal(HttpStatusCode.Forbidden, assess.StatusCode);
        Assert.Contains("No capability grant covers 'credit.assess' for department 'water'", await assess.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settling_TheSameIdempotencyKeyTwice_ReturnsTheFirstSettlement()
    {
        using var health = await Hub.CreateClientAsync(["integrator"], ["health"]);
        var assessment = await (await health.PostAsJsonAsync("/api/v1/capabilities/credit.assess", new { citizenId = "P-1003", hospitalId = "LH-PH", amount = 3000m }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var settle = new { idempotencyKey = "bill-7788", assessmentId = assessment.GetProperty("assessmentId").GetString(), billId = "B-7788", amount = 2900m };

        var first = await (await health.PostAsJsonAsync("/api/v1/capabilities/credit.settle", settle)).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await health.PostAsJsonAsync("/api/v1/capabilities/credit.settle", settle)).Content.ReadFromJsonAsync<JsonElement>();
        var query = await health.PostAsJsonAsync("/api/v1/capabilities/credit.query-settlement", new { settlementId = first.GetProperty("settlementId").GetString() });

        Assert.Equal(first.GetProperty("settlementId").GetString(), again.GetProperty("settlementId").GetString());
        await HubServer.EnsureSuccessAsync(query);
        Assert.Equal("bill-7788", (await query.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("idempotencyKey").GetString());
    }

    [Fact]
    public async Task EveryDeniedCall_IsAudited()
    {
        using var water = await Hub.CreateClientAsync(["integrator"], ["water"], user: "water-auditee");
        using var education = await Hub.CreateClientAsync(["integrator"], ["education"], user: "edu-auditee");
        await water.PostAsJsonAsync("/api/v1/capabilities/credit.assess", new { citizenId = "P-1004", hospitalId = "LH-PH", amount = 10m });
        await education.PostAsJsonAsync("/api/v1/capabilities/camera.snapshot", new { cameraId = "tr-002" });

        var credit = await AuditAsync("/api/v1/audit?action=capability.call&target=credit.assess&actor=key:water-auditee-key");
        var camera = await AuditAsync("/api/v1/audit?action=capability.call&target=camera.snapshot&actor=key:edu-auditee-key");

        Assert.Contains(credit, e => e.GetProperty("outcome").GetString() == "denied");
        Assert.Contains(camera, e => e.GetProperty("outcome").GetString() == "denied" && e.GetProperty("detail").GetString()!.Contains("'traffic'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SensitiveCalls_AreAudited_WithoutTheirInputs()
    {
        const string citizen = "CITIZEN-PSEUDONYM-55aa01";
        using var health = await Hub.CreateClientAsync(["integrator"], ["health"], user: "nurse-station");
        await HubServer.EnsureSuccessAsync(await health.PostAsJsonAsync("/api/v1/capabilities/credit.assess", new { citizenId = citizen, hospitalId = "LH-PH", amount = 4321.5m }));

        var raw = await Hub.Client.GetStringAsync(new Uri("/api/v1/audit?action=capability.call&target=credit.assess&actor=key:nurse-station-key", UriKind.Relative));
        var entries = JsonDocument.Parse(raw).RootElement.GetProperty("entries").EnumerateArray().ToList();

        var entry = Assert.Single(entries);
        Assert.Equal("ok", entry.GetProperty("outcome").GetString());
        Assert.Contains("health", entry.GetProperty("after").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(citizen, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("4321", raw, StringComparison.Ordinal);
    }

    private async Task<List<JsonElement>> AuditAsync(string path)
    {
        using var document = JsonDocument.Parse(await Hub.Client.GetStringAsync(new Uri(path, UriKind.Relative)));
        return [.. document.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.Clone())];
    }
}
