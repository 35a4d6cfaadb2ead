using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Luohu.Hub.Host.Tests.Security;

public sealed class RoleAndGrantTests
{
    private static object Flow(string id, string department, string topic) => new
    {
        id,
        name = id,
        department,
        nodes = new object[]
        {
            new { id = "in", type = "trigger.topic", config = new { topic } },
            new { id = "out", type = "debug", config = new { } },
        },
        wires = new[] { new { from = "in", to = "out" } },
    };

    [Fact]
    public async Task AViewer_CanRead_ButCannotCreateOrDeployAFlow()
    {
        await using var hub = await HubServer.StartAsync();
        using var viewer = await hub.CreateClientAsync(["viewer"], ["traffic"]);

        await HubServer.EnsureSuccessAsync(await viewer.GetAsync(new Uri("/api/v1/flows", UriKind.Relative)));
        var create = await viewer.PostAsJsonAsync("/api/v1/flows", Flow("viewer-flow", "traffic", "sensors/parking/+/occupancy"));
        var deploy = await viewer.PostAsync(new Uri("/api/v1/flows/parking-guidance/deploy", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deploy.StatusCode);
        Assert.Contains("editor", await deploy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOpsUser_CanReloadAPlugin_ButAViewerCannot()
    {
        await using var hub = await HubServer.StartAsync();
        using var ops = await hub.CreateClientAsync(["ops"], ["ops"]);
        using var viewer = await hub.CreateClientAsync(["viewer"], ["ops"]);

        var byOps = await ops.PostAsync(new Uri("/api/v1/plugins/luohu.parking/reload", UriKind.Relative), null);
        var byViewer = await viewer.PostAsync(new Uri("/api/v1/plugins/luohu.parking/reload", UriKind.Relative), null);

        await HubServer.EnsureSuccessAsync(byOps);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
    }

    [Fact]
    public async Task AVendor_MayNotChangeUsers_OnlyAnAdminMay()
    {
        await using var hub = await HubServer.StartAsync();
        using var vendor = await hub.CreateClientAsync(["vendor"], []);

        var response = await vendor.PutAsJsonAsync("/api/v1/users/intruder", new { password = "a-long-password", roles = new[] { "admin" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnotherDepartmentsFlow_Is404_AndMissingFromTheList()
    {
        await using var hub = await HubServer.StartAsync();
        using var water = await hub.CreateClientAsync(["editor"], ["water"]);
        using var traffic = await hub.CreateClientAsync(["editor"], ["traffic"]);

        var list = await water.GetStringAsync(new Uri("/api/v1/flows", UriKind.Relative));
        var get = await water.GetAsync(new Uri("/api/v1/flows/parking-guidance", UriKind.Relative));
        var own = await traffic.GetAsync(new Uri("/api/v1/flows/parking-guidance", UriKind.Relative));

        Assert.DoesNotContain("parking-guidance", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        await HubServer.EnsureSuccessAsync(own);
    }

    [Fact]
    public async Task AFlowForAnotherDepartment_CannotBeSaved()
    {
        await using var hub = await HubServer.StartAsync();
        using var water = await hub.CreateClientAsync(["editor"], ["water"]);

        var response = await water.PostAsJsonAsync("/api/v1/flows", Flow("not-mine", "police", "cameras/#"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task FlowValidation_ReportsATriggerOutsideTheDepartmentsStreamGrants()
    {
        await using var hub = await HubServer.StartAsync();

        var response = await hub.Client.PostAsJsonAsync("/api/v1/flows/validate", Flow("peek", "water", "sensors/parking/+/occupancy"));
        var body = await response.Content.ReadAsStringAsync();

        await HubServer.EnsureSuccessAsync(response);
        Assert.Contains("no stream grant covering topic filter 'sensors/parking/+/occupancy'", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlowValidation_AcceptsATriggerWithinTheGrants()
    {
        await using var hub = await HubServer.StartAsync();

        var response = await hub.Client.PostAsJsonAsync("/api/v1/flows/validate", Flow("levels", "water", "sensors/water/+/level"));

        Assert.DoesNotContain("grant", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACapabilityOfAnotherDepartment_Is403WithWhatIsMissing_AndAudited()
    {
        await using var hub = await HubServer.StartAsync();
        using var water = await hub.CreateClientAsync(["integrator"], ["water"]);

        var response = await water.PostAsJsonAsync("/api/v1/capabilities/parking.get-lot", new { lotId = "LH-0042" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("No capability grant covers 'parking.get-lot'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var audit = JsonDocument.Parse(await hub.Client.GetStringAsync(new Uri("/api/v1/audit?action=capability.call&target=parking.get-lot", UriKind.Relative)));
        Assert.Contains(audit.RootElement.GetProperty("entries").EnumerateArray(), e => e.GetProperty("outcome").GetString() == "denied");
    }

    [Fact]
    public async Task TheGrantedDepartment_MayCallIt()
    {
        await using var hub = await HubServer.StartAsync();
        using var traffic = await hub.CreateClientAsync(["integrator"], ["traffic"]);

        var response = await traffic.PostAsJsonAsync("/api/v1/capabilities/parking.get-lot", new { lotId = "LH-0042" });

        await HubServer.EnsureSuccessAsync(response);
    }

    [Fact]
    public async Task AGrantNarrowedToADeviceGroup_AllowsThatGroupOnly()
    {
        await using var hub = await HubServer.StartAsync();
        var grant = await hub.Client.PostAsJsonAsync("/api/v1/grants", new { department = "education", kind = "capability", target = "parking.*", deviceGroups = new[] { "school-gates" } });
        await HubServer.EnsureSuccessAsync(grant);
        using var education = await hub.CreateClientAsync(["integrator"], ["education"]);

        var schoolGates = await education.PostAsJsonAsync("/api/v1/capabilities/parking.get-lot", new { lotId = "LH-0042", deviceGroup = "school-gates" });
        var elsewhere = await education.PostAsJsonAsync("/api/v1/capabilities/parking.get-lot", new { lotId = "LH-0042", deviceGroup = "metro" });
        var unnamed = await education.PostAsJsonAsync("/api/v1/capabilities/parking.get-lot", new { lotId = "LH-0042" });

        await HubServer.EnsureSuccessAsync(schoolGates);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Contains("'metro'", await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, unnamed.StatusCode);
    }
}
