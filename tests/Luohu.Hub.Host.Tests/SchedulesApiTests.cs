using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Host.Tests;

/// <summary>Schedules on the real hub: deployed through the API, firing onto the bus, gone with the flow.</summary>
public sealed class SchedulesApiTests
{
    [Fact]
    public async Task An_interval_schedule_fires_after_deploy_and_a_green_wave_timer_fires_each_step_at_its_moment()
    {
        await using var hub = await HubServer.StartAsync();
        await using var ticks = await EventStream.OpenAsync(hub, "test/tick");
        await Grants.StreamAsync(hub, "traffic", "test/#");
        await using var wave = await EventStream.OpenAsync(hub, "test/wave/+");
        var flow = new JsonObject
        {
            ["id"] = "clock",
            ["name"] = "Clock",
            ["department"] = "traffic",
            ["nodes"] = new JsonArray(
                new JsonObject { ["id"] = "every", ["type"] = "trigger.schedule", ["config"] = new JsonObject { ["mode"] = "interval", ["intervalMs"] = 200, ["topic"] = "test/tick" } },
                new JsonObject { ["id"] = "tick-out", ["type"] = "publish", ["config"] = new JsonObject { ["topic"] = "test/tick" } },
                new JsonObject { ["id"] = "plan", ["type"] = "trigger.topic", ["config"] = new JsonObject { ["topic"] = "test/green-wave" } },
                new JsonObject { ["id"] = "at-moment", ["type"] = "timer", ["config"] = new JsonObject { ["delayPath"] = "payload.delaySeconds" } },
                new JsonObject { ["id"] = "wave-out", ["type"] = "publish", ["config"] = new JsonObject { ["topic"] = "test/wave/{{payload.intersection}}" } }),
            ["wires"] = new JsonArray(
                new JsonObject { ["from"] = "every", ["to"] = "tick-out" },
                new JsonObject { ["from"] = "plan", ["to"] = "at-moment" },
                new JsonObject { ["from"] = "at-moment", ["to"] = "wave-out" }),
        };
        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsJsonAsync("/api/v1/flows", flow));
        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsync(new Uri("/api/v1/flows/clock/deploy", UriKind.Relative), null));

        var tick = await ticks.NextAsync();
        Assert.Equal("test/tick", tick.GetProperty("topic").GetString());

        await hub.Client.PostAsJsonAsync("/api/v1/messages", new { topic = "test/green-wave", payload = new { intersection = "LH-X003", delaySeconds = 2 } });
        await hub.Client.PostAsJsonAsync("/api/v1/messages", new { topic = "test/green-wave", payload = new { intersection = "LH-X002", delaySeconds = 1 } });
        await hub.Client.PostAsJsonAsync("/api/v1/messages", new { topic = "test/green-wave", payload = new { intersection = "LH-X001", delaySeconds = 0 } });

        var order = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            order.Add((await wave.NextAsync()).GetProperty("payload").GetProperty("intersection").GetString());
        }

        Assert.Equal(["LH-X001", "LH-X002", "LH-X003"], order);
    }
}
