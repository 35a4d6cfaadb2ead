using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Luohu.Hub.Host.Gateway;

namespace Luohu.Hub.Host.Tests;

/// <summary>Rate limits per consumer, and the 503/504 answers of the capability API, on the real hub.</summary>
public sealed class GatewayTests
{
    [Fact]
    public async Task A_consumer_over_its_data_limit_gets_429_with_Retry_After_while_another_consumer_is_served()
    {
        await using var hub = await HubServer.StartAsync(Limits("Data", permits: 2));

        var a1 = await GetAsync(hub, "/api/v1/data", "consumer-a");
        var a2 = await GetAsync(hub, "/api/v1/data", "consumer-a");
        var a3 = await GetAsync(hub, "/api/v1/data", "consumer-a");
        var b1 = await GetAsync(hub, "/api/v1/data", "consumer-b");

        Assert.Equal(HttpStatusCode.OK, a1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, a2.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, a3.StatusCode);
        Assert.Equal(HttpStatusCode.OK, b1.StatusCode);
        Assert.InRange(a3.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Equal("application/problem+json", a3.Content.Headers.ContentType?.MediaType);
        var problem = await a3.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("data", problem.GetProperty("policy").GetString());
        Assert.Equal(2, problem.GetProperty("permitsPerPeriod").GetInt32());
        Assert.Contains("2 'data' requests per 60 s", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consumer_with_an_override_gets_its_own_limit()
    {
        // A signed-in user's consumer id is known before the hub starts (user:{name}); a key's id is not.
        var settings = Limits("Data", permits: 1);
        settings["Hub:Gateway:RateLimits:Data:Overrides:0:Consumer"] = "user:big-map-app";
        settings["Hub:Gateway:RateLimits:Data:Overrides:0:PermitsPerPeriod"] = "4";
        await using var hub = await HubServer.StartAsync(settings);
        await hub.CreateUserAsync("big-map-app", ["viewer"], ["traffic"]);
        await hub.CreateUserAsync("small-app", ["viewer"], ["traffic"]);
        using var big = await hub.SignInAsync("big-map-app", HubServer.UserPassword);
        using var small = await hub.SignInAsync("small-app", HubServer.UserPassword);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await big.GetAsync(new Uri("/api/v1/data", UriKind.Relative))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await small.GetAsync(new Uri("/api/v1/data", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await small.GetAsync(new Uri("/api/v1/data", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_capability_API_has_its_own_limit_apart_from_the_data_services()
    {
        await using var hub = await HubServer.StartAsync(Limits("Capabilities", permits: 1));

        var first = await PostAsync(hub, "/api/v1/capabilities/parking.get-lot", "consumer-a", new { lotId = "LH-0001" });
        var second = await PostAsync(hub, "/api/v1/capabilities/parking.get-lot", "consumer-a", new { lotId = "LH-0001" });
        var data = await GetAsync(hub, "/api/v1/data", "consumer-a");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Equal("capabilities", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("policy").GetString());
        Assert.Equal(HttpStatusCode.OK, data.StatusCode);
    }

    [Fact]
    public async Task An_open_circuit_is_a_503_with_Retry_After()
    {
        await using var hub = await HubServer.StartAsync(new Dictionary<string, string?>
        {
            ["Hub:PluginHost:CircuitMinimumThroughput"] = "2",
            ["Hub:PluginHost:CircuitFailureRatio"] = "0.5",
            ["Hub:PluginHost:CircuitBreakDuration"] = "00:00:30",
        });
        await InstallFaultyAsync(hub);

        HttpResponseMessage response;
        var calls = 0;
        do
        {
            response = await PostAsync(hub, "/api/v1/capabilities/faulty.throw", "consumer-a", new { text = "x" });
            calls++;
        }
        while (response.StatusCode == HttpStatusCode.BadGateway && calls < 10);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.InRange(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 30);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("faulty.throw", problem.GetProperty("capability").GetString());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(hub, "/api/v1/capabilities/faulty.echo", "consumer-a", new { text = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_plugin_call_that_times_out_is_a_504_problem()
    {
        await using var hub = await HubServer.StartAsync(new Dictionary<string, string?>
        {
            ["Hub:PluginHost:InvokeTimeout"] = "00:00:01",
            ["Hub:PluginHost:DrainTimeout"] = "00:00:02",
        });
        await InstallFaultyAsync(hub);

        var response = await PostAsync(hub, "/api/v1/capabilities/faulty.hang", "consumer-a", new { text = "x" });

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static Dictionary<string, string?> Limits(string policy, int permits) => new()
    {
        [$"Hub:Gateway:RateLimits:{policy}:PermitsPerPeriod"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Hub:Gateway:RateLimits:{policy}:Burst"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Hub:Gateway:RateLimits:{policy}:Period"] = "00:01:00",
    };

    private static async Task InstallFaultyAsync(HubServer hub)
    {
        var content = new ByteArrayContent(FixtureZips.Create("Faulty"));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), content));
    }

    private static async Task<HttpResponseMessage> GetAsync(HubServer hub, string path, string apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add(GatewayConsumer.ApiKeyHeader, (await hub.ConsumerKeyAsync(apiKey)).Secret);
        return await hub.BareClient.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostAsync(HubServer hub, string path, string apiKey, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add(GatewayConsumer.ApiKeyHeader, (await hub.ConsumerKeyAsync(apiKey)).Secret);
        return await hub.BareClient.SendAsync(request);
    }
}
