using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Host.Tests;

/// <summary>Flows through the API on the real hub: the sample running live, and a flow's whole life.</summary>
public sealed class FlowsApiTests
{
    [Fact]
    public async Task The_parking_guidance_sample_is_deployed_at_first_start_and_publishes_live_car_park_status()
    {
        await using var hub = await HubServer.StartAsync();
        await using var stream = await EventStream.OpenAsync(hub, "district/parking/+/status");

        var flows = await hub.GetJsonAsync<JsonElement>("/api/v1/flows");
        var sample = flows.EnumerateArray().Single(f => f.GetProperty("id").GetString() == "parking-guidance");
        Assert.Equal("deployed", sample.GetProperty("state").GetString());
        Assert.Equal(1, sample.GetProperty("deployedVersion").GetInt32());

        var status = await stream.NextAsync();
        Assert.Matches("^district/parking/LH-\\d{4}/status$", status.GetProperty("topic").GetString());
        Assert.Contains(status.GetProperty("payload").GetProperty("status").GetString(), new[] { "available", "nearly-full", "full" });
    }

    [Fact]
    public async Task A_flow_is_created_deployed_changed_redeployed_diffed_and_rolled_back_live()
    {
        await using var hub = await HubServer.StartAsync();
        await using var stream = await EventStream.OpenAsync(hub, "test/out");
        await Grants.StreamAsync(hub, "traffic", "test/#");

        var created = await hub.Client.PostAsJsonAsync("/api/v1/flows", Flow("x * 2"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Empty((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray());
        var v1 = await PostJsonAsync(hub, "/api/v1/flows/doubler/deploy", new { comment = "first" });
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal(42, await RoundTripAsync(hub, stream, 21));

        await HubServer.EnsureSuccessAsync(await hub.Client.PutAsJsonAsync("/api/v1/flows/doubler", Flow("x * 3")));
        Assert.Equal(2, (await PostJsonAsync(hub, "/api/v1/flows/doubler/deploy", new { comment = "triple" })).GetProperty("version").GetInt32());
        Assert.Equal(63, await RoundTripAsync(hub, stream, 21));

        var versions = await hub.GetJsonAsync<JsonElement>("/api/v1/flows/doubler/versions");
        Assert.Equal(2, versions.GetArrayLength());
        var diff = await hub.GetJsonAsync<JsonElement>("/api/v1/flows/doubler/diff?from=1&to=2");
        Assert.Equal("calc", diff.GetProperty("changedNodes")[0].GetProperty("nodeId").GetString());

        var rolledBack = await PostJsonAsync(hub, "/api/v1/flows/doubler/rollback/1", null);
        Assert.Equal(1, rolledBack.GetProperty("version").GetInt32());
        Assert.Equal(42, await RoundTripAsync(hub, stream, 21));

        Assert.Equal(HttpStatusCode.NoContent, (await hub.Client.DeleteAsync(new Uri("/api/v1/flows/doubler", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hub.Client.GetAsync(new Uri("/api/v1/flows/doubler", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_invalid_flow_reports_every_problem_on_its_node_and_does_not_deploy()
    {
        await using var hub = await HubServer.StartAsync();
        var flow = new JsonObject
        {
            ["id"] = "broken",
            ["name"] = "Broken",
            ["department"] = "traffic",
            ["nodes"] = new JsonArray(
                new JsonObject { ["id"] = "in", ["type"] = "trigger.topic", ["config"] = new JsonObject { ["topic"] = "a/#/b" } },
                new JsonObject { ["id"] = "calc", ["type"] = "script", ["config"] = new JsonObject { ["code"] = "const f = (x) => x +;\nreturn msg;" } },
                new JsonObject { ["id"] = "odd", ["type"] = "teleport" }),
            ["wires"] = new JsonArray(new JsonObject { ["from"] = "in", ["to"] = "calc" }, new JsonObject { ["from"] = "calc", ["to"] = "nowhere" }),
        };

        var validation = await PostJsonAsync(hub, "/api/v1/flows/validate", flow);
        var problems = validation.GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("nodeId").GetString() == "in");
        Assert.Contains(problems, p => p.GetProperty("nodeId").GetString() == "calc" && p.GetProperty("line").GetInt32() == 1
            && p.GetProperty("message").GetString()!.Contains("Unexpected token", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.GetProperty("nodeId").GetString() == "odd");
        Assert.Contains(problems, p => p.GetProperty("message").GetString()!.Contains("nowhere", StringComparison.Ordinal));

        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsJsonAsync("/api/v1/flows", flow));
        var deploy = await hub.Client.PostAsync(new Uri("/api/v1/flows/broken/deploy", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.BadRequest, deploy.StatusCode);
        Assert.NotEmpty((await deploy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray());
        Assert.Empty((await hub.GetJsonAsync<JsonElement>("/api/v1/flows/broken/versions")).EnumerateArray());
    }

    [Fact]
    public async Task A_failing_node_dead_letters_the_message_which_replays_after_the_fix()
    {
        await using var hub = await HubServer.StartAsync();
        await using var stream = await EventStream.OpenAsync(hub, "test/out");
        await Grants.StreamAsync(hub, "traffic", "test/#");
        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsJsonAsync("/api/v1/flows", Flow("x.does.not.exist")));
        await PostJsonAsync(hub, "/api/v1/flows/doubler/deploy", null);

        await PostJsonAsync(hub, "/api/v1/flows/doubler/inject", new { node = "calc", payload = new { x = 5 } });
        JsonElement letter = default;
        await PollAsync(async () =>
        {
            var letters = await hub.GetJsonAsync<JsonElement>("/api/v1/dead-letters?flowId=doubler");
            letter = letters.EnumerateArray().FirstOrDefault();
            return letters.GetArrayLength() == 1;
        });
        Assert.Equal("calc", letter.GetProperty("nodeId").GetString());
        Assert.Contains("line 1", letter.GetProperty("reason").GetString(), StringComparison.Ordinal);

        await HubServer.EnsureSuccessAsync(await hub.Client.PutAsJsonAsync("/api/v1/flows/doubler", Flow("x * 2")));
        await PostJsonAsync(hub, "/api/v1/flows/doubler/deploy", null);
        var replay = await hub.Client.PostAsync(new Uri($"/api/v1/dead-letters/{letter.GetProperty("id").GetString()}/replay", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);

        var output = await stream.NextAsync();
        Assert.Equal(10, output.GetProperty("payload").GetProperty("y").GetInt32());
        var after = await hub.GetJsonAsync<JsonElement>($"/api/v1/dead-letters/{letter.GetProperty("id").GetString()}");
        Assert.Equal("replayed", after.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Node_types_describe_their_ports_and_config_schema_for_the_designer()
    {
        await using var hub = await HubServer.StartAsync();

        var types = await hub.GetJsonAsync<JsonElement>("/api/v1/flows/node-types");

        var script = types.EnumerateArray().Single(t => t.GetProperty("type").GetString() == "script");
        Assert.True(script.GetProperty("configSchema").GetProperty("properties").TryGetProperty("code", out _));
        var rule = types.EnumerateArray().Single(t => t.GetProperty("type").GetString() == "rule");
        var ports = rule.GetProperty("ports").EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String ? p.GetString() : p.GetProperty("name").GetString()).ToList();
        Assert.Contains("success", ports);
        Assert.Contains("failure", ports);
    }

    [Fact]
    public async Task Unknown_flows_are_404_and_malformed_flow_json_is_a_400_naming_the_path()
    {
        await using var hub = await HubServer.StartAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await hub.Client.PostAsync(new Uri("/api/v1/flows/nope/deploy", UriKind.Relative), null)).StatusCode);
        var bad = await hub.Client.PostAsync(new Uri("/api/v1/flows", UriKind.Relative),
            new StringContent("""{ "id": "x", "name": "x", "department": "traffic", "nodes": [ { "id": 5, "type": "script" } ] }""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("nodes[0]", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static JsonObject Flow(string expression) => new()
    {
        ["id"] = "doubler",
        ["name"] = "Doubler",
        ["department"] = "traffic",
        ["nodes"] = new JsonArray(
            new JsonObject { ["id"] = "in", ["type"] = "trigger.topic", ["config"] = new JsonObject { ["topic"] = "test/in" } },
            new JsonObject { ["id"] = "calc", ["type"] = "script", ["config"] = new JsonObject { ["code"] = $"var x = msg.payload.x; msg.payload = {{ y: {expression} }}; return msg;" } },
            new JsonObject { ["id"] = "out", ["type"] = "publish", ["config"] = new JsonObject { ["topic"] = "test/out" } }),
        ["wires"] = new JsonArray(new JsonObject { ["from"] = "in", ["to"] = "calc" }, new JsonObject { ["from"] = "calc", ["to"] = "out" }),
    };

    private static async Task<int> RoundTripAsync(HubServer hub, EventStream stream, int x)
    {
        var published = await hub.Client.PostAsJsonAsync("/api/v1/messages", new { topic = "test/in", payload = new { x } });
        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        return (await stream.NextAsync()).GetProperty("payload").GetProperty("y").GetInt32();
    }

    private static async Task<JsonElement> PostJsonAsync(HubServer hub, string path, object? body)
    {
        var response = body is null
            ? await hub.Client.PostAsync(new Uri(path, UriKind.Relative), null)
            : await hub.Client.PostAsJsonAsync(path, body);
        await HubServer.EnsureSuccessAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task PollAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "condition not met within 20 s");
            await Task.Delay(50);
        }
    }
}
