using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Luohu.Hub.Host.Tests.Security;

/// <summary>Stream grants on the live bus API and on a flow's publish nodes.</summary>
public sealed class StreamGrantTests
{
    private static object Flow(string id, string department, string trigger, string publish, string[]? sharedWith = null) => new
    {
        id,
        name = id,
        department,
        sharedWith,
        nodes = new object[]
        {
            new { id = "in", type = "trigger.topic", config = new { topic = trigger } },
            new { id = "out", type = "publish", config = new { topic = publish } },
            new { id = "watch", type = "debug", config = new { } },
        },
        wires = new[] { new { from = "in", to = "out" }, new { from = "in", to = "watch" } },
    };

    [Fact]
    public async Task WatchingAStreamWithinTheGrants_IsAllowed()
    {
        await using var hub = await HubServer.StartAsync();
        using var education = await hub.CreateClientAsync(["viewer"], ["education"]);

        using var response = await OpenAsync(education, "cameras/school-gates/+/motion");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WatchingAStreamOutsideTheGrants_Is403NamingTheGrant_AndAudited()
    {
        await using var hub = await HubServer.StartAsync();
        using var education = await hub.CreateClientAsync(["viewer"], ["education"], user: "edu-watcher");

        using var response = await OpenAsync(education, "cameras/hospitals/#");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("no stream grant covering topic filter 'cameras/hospitals/#'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(hub, "stream.subscribe", "edu-watcher"), e => e.GetProperty("outcome").GetString() == "denied");
    }

    [Fact]
    public async Task WatchingEverything_NeedsAdmin()
    {
        await using var hub = await HubServer.StartAsync();
        using var police = await hub.CreateClientAsync(["viewer"], ["police"]);

        using var denied = await OpenAsync(police, "#");
        using var admin = await OpenAsync(hub.Client, "#");

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task TheDebugStreamOfAFlow_IsOpenToWhoeverMayReadIt_Only()
    {
        await using var hub = await HubServer.StartAsync();
        using var traffic = await hub.CreateClientAsync(["editor"], ["traffic"]);
        using var police = await hub.CreateClientAsync(["viewer"], ["police"]);
        using var water = await hub.CreateClientAsync(["viewer"], ["water"]);
        await HubServer.EnsureSuccessAsync(await traffic.PostAsJsonAsync("/api/v1/flows", Flow("lot-relay", "traffic", "sensors/parking/+/occupancy", "district/parking/{{payload.lot}}/relay", ["police"])));

        using var own = await OpenAsync(traffic, "$hub/debug/lot-relay/#");
        using var shared = await OpenAsync(police, "$hub/debug/lot-relay/#");
        using var other = await OpenAsync(water, "$hub/debug/lot-relay/#");
        using var all = await OpenAsync(traffic, "$hub/debug/#");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, all.StatusCode);
    }

    [Fact]
    public async Task PublishingWithinTheGrants_IsAccepted_AndOutsideIs403AndAudited()
    {
        await using var hub = await HubServer.StartAsync();
        using var water = await hub.CreateClientAsync(["integrator"], ["water"], user: "water-publisher");

        var allowed = await water.PostAsJsonAsync("/api/v1/messages", new { topic = "sensors/water/WL-07/level", payload = new { level = 1.2 } });
        var denied = await water.PostAsJsonAsync("/api/v1/messages", new { topic = "signals/LH-X001/phase", payload = new { phase = "red" } });

        Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("'signals/LH-X001/phase'", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(hub, "stream.publish", "water-publisher"), e => e.GetProperty("outcome").GetString() == "denied");
    }

    [Fact]
    public async Task FlowValidation_ReportsAPublishTopicOutsideTheGrants()
    {
        await using var hub = await HubServer.StartAsync();

        var response = await hub.Client.PostAsJsonAsync("/api/v1/flows/validate", Flow("leak", "water", "sensors/water/+/level", "signals/{{payload.id}}/phase"));

        Assert.Contains("no stream grant covering topic filter 'signals/+/phase'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlowValidation_AcceptsAPublishTopicTemplateWithinTheGrants()
    {
        await using var hub = await HubServer.StartAsync();

        var response = await hub.Client.PostAsJsonAsync("/api/v1/flows/validate", Flow("relay", "traffic", "sensors/parking/+/occupancy", "district/parking/{{payload.lot}}/relay"));

        Assert.DoesNotContain("grant", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> OpenAsync(HttpClient client, string filter)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/messages/stream?topic=" + Uri.EscapeDataString(filter));
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private static async Task<List<JsonElement>> AuditAsync(HubServer hub, string action, string user)
    {
        using var document = JsonDocument.Parse(await hub.Client.GetStringAsync(new Uri($"/api/v1/audit?action={action}&actor=key:{user}-key", UriKind.Relative)));
        return [.. document.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.Clone())];
    }
}
