using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Luohu.Hub.Host.Tests.Security;

/// <summary>A flow's <c>sharedWith</c> lets other departments read it, never change it; unshared flows stay 404.</summary>
public sealed class FlowSharingTests
{
    private static object Flow(string id, string[]? sharedWith) => new
    {
        id,
        name = id,
        department = "traffic",
        sharedWith,
        nodes = new object[]
        {
            new { id = "in", type = "trigger.topic", config = new { topic = "sensors/parking/+/occupancy" } },
            new { id = "out", type = "debug", config = new { } },
        },
        wires = new[] { new { from = "in", to = "out" } },
    };

    [Fact]
    public async Task ASharedFlow_IsReadableAndListed_ForTheDepartmentItIsSharedWith()
    {
        await using var hub = await HubServer.StartAsync();
        using var traffic = await hub.CreateClientAsync(["editor"], ["traffic"]);
        using var police = await hub.CreateClientAsync(["editor"], ["police"]);
        await HubServer.EnsureSuccessAsync(await traffic.PostAsJsonAsync("/api/v1/flows", Flow("junction-watch", ["police"])));
        await HubServer.EnsureSuccessAsync(await traffic.PostAsync(new Uri("/api/v1/flows/junction-watch/deploy", UriKind.Relative), null));

        var get = await police.GetAsync(new Uri("/api/v1/flows/junction-watch", UriKind.Relative));
        var versions = await police.GetAsync(new Uri("/api/v1/flows/junction-watch/versions", UriKind.Relative));
        var list = await police.GetStringAsync(new Uri("/api/v1/flows", UriKind.Relative));

        await HubServer.EnsureSuccessAsync(get);
        await HubServer.EnsureSuccessAsync(versions);
        Assert.Equal("police", (await get.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sharedWith")[0].GetString());
        Assert.Contains("junction-watch", list, StringComparison.Ordinal);
        Assert.DoesNotContain("parking-guidance", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASharedFlow_CannotBeChangedDeployedOrDeleted_ByTheDepartmentItIsSharedWith()
    {
        await using var hub = await HubServer.StartAsync();
        using var traffic = await hub.CreateClientAsync(["editor"], ["traffic"]);
        using var police = await hub.CreateClientAsync(["editor"], ["police"]);
        await HubServer.EnsureSuccessAsync(await traffic.PostAsJsonAsync("/api/v1/flows", Flow("junction-watch", ["police"])));

        var save = await police.PutAsJsonAsync("/api/v1/flows/junction-watch", Flow("junction-watch", ["police", "urban"]));
        var deploy = await police.PostAsync(new Uri("/api/v1/flows/junction-watch/deploy", UriKind.Relative), null);
        var delete = await police.DeleteAsync(new Uri("/api/v1/flows/junction-watch", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deploy.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Contains("read-only", await deploy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await HubServer.EnsureSuccessAsync(await traffic.GetAsync(new Uri("/api/v1/flows/junction-watch", UriKind.Relative)));
    }

    [Fact]
    public async Task AFlowSharedWithOneDepartment_Stays404ForOthers()
    {
        await using var hub = await HubServer.StartAsync();
        using var traffic = await hub.CreateClientAsync(["editor"], ["traffic"]);
        using var urban = await hub.CreateClientAsync(["editor"], ["urban"]);
        await HubServer.EnsureSuccessAsync(await traffic.PostAsJsonAsync("/api/v1/flows", Flow("junction-watch", ["police"])));

        var get = await urban.GetAsync(new Uri("/api/v1/flows/junction-watch", UriKind.Relative));
        var list = await urban.GetStringAsync(new Uri("/api/v1/flows", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.DoesNotContain("junction-watch", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsharing_MakesTheFlow404Again()
    {
        await using var hub = await HubServer.StartAsync();
        using var traffic = await hub.CreateClientAsync(["editor"], ["traffic"]);
        using var police = await hub.CreateClientAsync(["editor"], ["police"]);
        await HubServer.EnsureSuccessAsync(await traffic.PostAsJsonAsync("/api/v1/flows", Flow("junction-watch", ["police"])));
        await HubServer.EnsureSuccessAsync(await police.GetAsync(new Uri("/api/v1/flows/junction-watch", UriKind.Relative)));

        await HubServer.EnsureSuccessAsync(await traffic.PutAsJsonAsync("/api/v1/flows/junction-watch", Flow("junction-watch", null)));
        var get = await police.GetAsync(new Uri("/api/v1/flows/junction-watch", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task AFlowWithoutSharedWith_IsExportedWithoutIt()
    {
        await using var hub = await HubServer.StartAsync();
        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsJsonAsync("/api/v1/flows", Flow("plain", null)));

        var export = await hub.Client.GetStringAsync(new Uri("/api/v1/flows/plain", UriKind.Relative));

        Assert.DoesNotContain("sharedWith", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASharedWithEntryThatIsNoDepartmentId_IsAValidationProblem()
    {
        await using var hub = await HubServer.StartAsync();

        var response = await hub.Client.PostAsJsonAsync("/api/v1/flows/validate", Flow("bad-share", ["Police Bureau"]));

        Assert.Contains("sharedWith[0]", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
