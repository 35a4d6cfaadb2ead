using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Host.Tests;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>Deploys test flows through the hub's API.</summary>
public static class Flows
{
    /// <summary>trigger.topic → script (the given JavaScript body, may be null for none) → publish.</summary>
    public static JsonObject Relay(string id, string triggerTopic, string publishTopic, string? script = null)
    {
        var nodes = new JsonArray
        {
            new JsonObject { ["id"] = "in", ["type"] = "trigger.topic", ["config"] = new JsonObject { ["topic"] = triggerTopic } },
            new JsonObject { ["id"] = "out", ["type"] = "publish", ["config"] = new JsonObject { ["topic"] = publishTopic } },
        };
        var wires = new JsonArray();
        if (script is null)
        {
            wires.Add(new JsonObject { ["from"] = "in", ["to"] = "out" });
        }
        else
        {
            nodes.Add(new JsonObject { ["id"] = "fn", ["type"] = "script", ["config"] = new JsonObject { ["code"] = script } });
            wires.Add(new JsonObject { ["from"] = "in", ["to"] = "fn" });
            wires.Add(new JsonObject { ["from"] = "fn", ["to"] = "out" });
        }

        return new JsonObject { ["id"] = id, ["name"] = id, ["department"] = "traffic", ["nodes"] = nodes, ["wires"] = wires };
    }

    public static async Task DeployAsync(HttpClient client, JsonObject flow)
    {
        var id = flow["id"]!.GetValue<string>();

        // The flow's department needs a stream grant for its trigger's and its publish node's topics, given as an admin gives it.
        foreach (var node in flow["nodes"]!.AsArray().Where(n => n!["type"]!.GetValue<string>() is "trigger.topic" or "publish"))
        {
            var topic = string.Join('/', node!["config"]!["topic"]!.GetValue<string>().Split('/').Select(level => level.Contains("{{", StringComparison.Ordinal) ? "+" : level));
            var grant = new { department = flow["department"]!.GetValue<string>(), kind = "stream", target = topic };
            await HubServer.EnsureSuccessAsync(await client.PostAsJsonAsync(new Uri("/api/v1/grants", UriKind.Relative), grant));
        }
        await HubServer.EnsureSuccessAsync(await client.PutAsJsonAsync(new Uri($"/api/v1/flows/{id}", UriKind.Relative), flow));
        await HubServer.EnsureSuccessAsync(await client.PostAsJsonAsync(new Uri($"/api/v1/flows/{id}/deploy", UriKind.Relative), new JsonObject()));
    }

    /// <summary>Polls <c>/api/v1/mqtt</c> until <paramref name="condition"/> holds (20 s at most).</summary>
    public static async Task<JsonObject> StateWhenAsync(HttpClient client, Func<JsonObject, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var state = await MqttStateAsync(client);
            if (condition(state))
            {
                return state;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out after 20 s waiting for {what}; /api/v1/mqtt: {state.ToJsonString()}");
            await Task.Delay(25);
        }
    }

    public static async Task<JsonObject> MqttStateAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/mqtt", UriKind.Relative)))!;
}
