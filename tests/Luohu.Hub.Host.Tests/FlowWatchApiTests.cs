using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Luohu.Hub.Host.Tests;

/// <summary>
/// <c>POST /api/v1/flows/{id}/watch</c> and the debug stream as the designer's debug panel uses them: any reader of
/// the flow may watch a node and stream its flow's debug topics; other departments see nothing.
/// </summary>
public sealed class FlowWatchApiTests : IAsyncLifetime
{
    private HubServer hub = null!;

    public async Task InitializeAsync()
    {
        hub = await HubServer.StartAsync();
        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsJsonAsync("/api/v1/flows", new
        {
            id = "lot-watch",
            name = "Lot watch",
            department = "traffic",
            sharedWith = new[] { "police" },
            nodes = new object[]
            {
                new { id = "in", type = "trigger.topic", config = new { topic = "sensors/parking/+/occupancy" } },
                new { id = "calc", type = "script", config = new { code = "msg.payload.full = msg.payload.free == 0; return msg;" } },
                new { id = "dbg", type = "debug", config = new { } },
            },
            wires = new[] { new { from = "in", to = "calc" }, new { from = "calc", to = "dbg" } },
        }));
        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsync(new Uri("/api/v1/flows/lot-watch/deploy", UriKind.Relative), null));
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task A_viewer_of_the_department_watches_a_node_and_streams_its_output()
    {
        using var viewer = await hub.CreateClientAsync(["viewer"], ["traffic"]);
        await using var stream = await EventStream.OpenAsync(viewer, "$hub/debug/lot-watch/#");

        var response = await viewer.PostAsJsonAsync("/api/v1/flows/lot-watch/watch", new { node = "calc" });
        await HubServer.EnsureSuccessAsync(response);
        var lease = await response.Content.ReadFromJsonAsync<JsonElement>();
        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsJsonAsync("/api/v1/flows/lot-watch/inject", new { node = "calc", payload = new { lot = "LH-1", free = 0 } }));

        Assert.Equal("$hub/debug/lot-watch/calc", lease.GetProperty("topic").GetString());
        Assert.InRange(lease.GetProperty("leaseSeconds").GetInt32(), 60, 120);
        var watched = await stream.NextAsync(match: m => m.GetProperty("topic").GetString() == "$hub/debug/lot-watch/calc");
        Assert.True(watched.GetProperty("payload").GetProperty("value").GetProperty("payload").GetProperty("full").GetBoolean());
        var debugNode = await stream.NextAsync(match: m => m.GetProperty("topic").GetString() == "$hub/debug/lot-watch/dbg");
        Assert.Equal("LH-1", debugNode.GetProperty("payload").GetProperty("value").GetProperty("payload").GetProperty("lot").GetString());
    }

    [Fact]
    public async Task A_department_the_flow_is_shared_with_may_watch_but_another_department_sees_nothing()
    {
        using var police = await hub.CreateClientAsync(["viewer"], ["police"]);
        using var water = await hub.CreateClientAsync(["editor"], ["water"]);

        var shared = await police.PostAsJsonAsync("/api/v1/flows/lot-watch/watch", new { node = "calc" });
        var other = await water.PostAsJsonAsync("/api/v1/flows/lot-watch/watch", new { node = "calc" });
        using var otherStream = await OpenAsync(water, "$hub/debug/lot-watch/#");

        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherStream.StatusCode);
    }

    [Fact]
    public async Task A_viewer_may_not_inject_and_a_shared_department_may_not_either()
    {
        using var viewer = await hub.CreateClientAsync(["viewer"], ["traffic"]);
        using var police = await hub.CreateClientAsync(["editor"], ["police"]);

        var byViewer = await viewer.PostAsJsonAsync("/api/v1/flows/lot-watch/inject", new { node = "calc", payload = new { free = 1 } });
        var byShared = await police.PostAsJsonAsync("/api/v1/flows/lot-watch/inject", new { node = "calc", payload = new { free = 1 } });

        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byShared.StatusCode);
    }

    [Fact]
    public async Task Watching_an_unknown_node_is_404_and_a_missing_node_is_400()
    {
        var unknown = await hub.Client.PostAsJsonAsync("/api/v1/flows/lot-watch/watch", new { node = "nope" });
        var missing = await hub.Client.PostAsJsonAsync("/api/v1/flows/lot-watch/watch", new { });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("has no node 'nope'", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    private static async Task<HttpResponseMessage> OpenAsync(HttpClient client, string filter)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/messages/stream?topic=" + Uri.EscapeDataString(filter));
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }
}
