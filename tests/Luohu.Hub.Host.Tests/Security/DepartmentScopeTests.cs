using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Luohu.Hub.Host.Tests.Security;

/// <summary>Dead letters and alerts follow their flow's department (and sharing); admins see all.</summary>
public sealed class DepartmentScopeTests
{
    private static object Flow(string id, string department, string[]? sharedWith = null) => new
    {
        id,
        name = id,
        department,
        sharedWith,
        nodes = new object[]
        {
            new { id = "in", type = "trigger.topic", config = new { topic = $"test/{id}" } },
            new { id = "calc", type = "script", config = new { code = "var y = x.does.not.exist; return msg;" } },
            new { id = "alarm", type = "alert", config = new { severity = "warning", title = $"Alarm of {id}" } },
        },
        wires = new[] { new { from = "in", to = "calc" }, new { from = "in", to = "alarm" } },
    };

    /// <summary>Deploys a failing, alerting flow for each department and waits for one dead letter and one alert of each.</summary>
    private static async Task<Dictionary<string, string>> FailInAsync(HubServer hub, params (string Flow, string Department, string[]? SharedWith)[] flows)
    {
        var letters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (flow, department, sharedWith) in flows)
        {
            await Grants.StreamAsync(hub, department, "test/#");
            await HubServer.EnsureSuccessAsync(await hub.Client.PostAsJsonAsync("/api/v1/flows", Flow(flow, department, sharedWith)));
            await HubServer.EnsureSuccessAsync(await hub.Client.PostAsync(new Uri($"/api/v1/flows/{flow}/deploy", UriKind.Relative), null));
            await HubServer.EnsureSuccessAsync(await hub.Client.PostAsJsonAsync($"/api/v1/flows/{flow}/inject", new { node = "in", payload = new { n = 1 } }));
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var all = await hub.GetJsonAsync<JsonElement>("/api/v1/dead-letters");
            var alerts = await hub.GetJsonAsync<JsonElement>("/api/v1/alerts");
            foreach (var letter in all.EnumerateArray())
            {
                letters[letter.GetProperty("flowId").GetString()!] = letter.GetProperty("id").GetString()!;
            }

            if (letters.Count == flows.Length && alerts.GetArrayLength() >= flows.Length)
            {
                return letters;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Expected a dead letter and an alert of each of {flows.Length} flows within 30 s; have {letters.Count} and {alerts.GetArrayLength()}.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task ADepartment_SeesOnlyItsFlowsDeadLetters_AndAnothersIs404()
    {
        await using var hub = await HubServer.StartAsync();
        var letters = await FailInAsync(hub, ("lots-dl", "traffic", null), ("levels-dl", "water", null));
        using var water = await hub.CreateClientAsync(["ops"], ["water"]);

        var list = await water.GetFromJsonAsync<JsonElement>("/api/v1/dead-letters");
        var filtered = await water.GetFromJsonAsync<JsonElement>("/api/v1/dead-letters?flowId=lots-dl");
        var others = await water.GetAsync(new Uri($"/api/v1/dead-letters/{letters["lots-dl"]}", UriKind.Relative));
        var replay = await water.PostAsync(new Uri($"/api/v1/dead-letters/{letters["lots-dl"]}/replay", UriKind.Relative), null);
        var own = await water.GetAsync(new Uri($"/api/v1/dead-letters/{letters["levels-dl"]}", UriKind.Relative));

        Assert.Equal(["levels-dl"], list.EnumerateArray().Select(l => l.GetProperty("flowId").GetString()));
        Assert.Equal(0, filtered.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
        await HubServer.EnsureSuccessAsync(own);
    }

    [Fact]
    public async Task ADepartment_SeesOnlyItsFlowsAlerts()
    {
        await using var hub = await HubServer.StartAsync();
        await FailInAsync(hub, ("lots-al", "traffic", null), ("levels-al", "water", null));
        using var water = await hub.CreateClientAsync(["viewer"], ["water"]);

        var alerts = await water.GetFromJsonAsync<JsonElement>("/api/v1/alerts");
        var asked = await water.GetFromJsonAsync<JsonElement>("/api/v1/alerts?department=traffic");

        Assert.NotEmpty(alerts.EnumerateArray());
        Assert.All(alerts.EnumerateArray(), a => Assert.Equal("levels-al", a.GetProperty("flowId").GetString()));
        Assert.Equal(0, asked.GetArrayLength());
    }

    [Fact]
    public async Task ASharedFlowsDeadLetter_IsReadable_ButOnlyItsOwnerMayReplayIt()
    {
        await using var hub = await HubServer.StartAsync();
        var letters = await FailInAsync(hub, ("junction-dl", "traffic", ["police"]));
        using var police = await hub.CreateClientAsync(["ops"], ["police"]);
        using var traffic = await hub.CreateClientAsync(["ops"], ["traffic"]);

        var read = await police.GetAsync(new Uri($"/api/v1/dead-letters/{letters["junction-dl"]}", UriKind.Relative));
        var alerts = await police.GetFromJsonAsync<JsonElement>("/api/v1/alerts");
        var byPolice = await police.PostAsync(new Uri($"/api/v1/dead-letters/{letters["junction-dl"]}/discard", UriKind.Relative), null);
        var byOwner = await traffic.PostAsync(new Uri($"/api/v1/dead-letters/{letters["junction-dl"]}/discard", UriKind.Relative), null);

        await HubServer.EnsureSuccessAsync(read);
        Assert.Contains(alerts.EnumerateArray(), a => a.GetProperty("flowId").GetString() == "junction-dl");
        Assert.Equal(HttpStatusCode.Forbidden, byPolice.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, byOwner.StatusCode);
    }

    [Fact]
    public async Task AnAdmin_SeesEveryDepartmentsDeadLetters()
    {
        await using var hub = await HubServer.StartAsync();
        await FailInAsync(hub, ("lots-ad", "traffic", null), ("levels-ad", "water", null));

        var list = await hub.GetJsonAsync<JsonElement>("/api/v1/dead-letters");

        Assert.Equal(["levels-ad", "lots-ad"], list.EnumerateArray().Select(l => l.GetProperty("flowId").GetString()).Order(StringComparer.Ordinal));
    }
}
