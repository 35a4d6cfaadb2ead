using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Luohu.Hub.Host.Tests;

namespace Luohu.Hub.District.Tests;

/// <summary>
/// Choosing the vendor of a family capability live and running a second one in shadow, with both AI vendors installed
/// from their bundled folders by the real loader and tickets flowing through the complaints sample flow on the real bus.
/// </summary>
public sealed class VendorChoiceTests(VendorChoiceTests.Hub fixture) : IClassFixture<VendorChoiceTests.Hub>
{
    private const string Classify = "ai.classify-complaint";
    private readonly HubServer hub = fixture.Server;

    public sealed class Hub : IAsyncLifetime
    {
        public HubServer Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await DistrictHub.StartAsync(new Dictionary<string, string?>
            {
                ["Hub:Plugins:wutong.ai:NetworkMilliseconds"] = "5",
                // The tests ask each vendor directly what it answers: more calls a second than a consumer's default limit.
                ["Hub:Gateway:RateLimits:Capabilities:PermitsPerPeriod"] = "10000",
                ["Hub:Gateway:RateLimits:Capabilities:Burst"] = "10000",
            });
            await Poll.UntilAsync(async () =>
            {
                var view = await Server.GetJsonAsync<JsonElement>($"/api/v1/vendors/{Classify}");
                return view.GetProperty("providers").GetArrayLength() == 2;
            }, "both AI vendors offer ai.classify-complaint");
            await DistrictHub.WaitForDeployedAsync(Server, "citizen-complaints");
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    [Fact]
    public async Task SwitchingTheServingVendorLive_WhileTicketsFlow_LosesNone()
    {
        const int tickets = 120;
        var before = await CallsAsync();
        await using var queues = await EventStream.OpenAsync(hub, "complaints/+/queue");
        var texts = Complaints().Take(40).ToList();
        var answered = 0;
        using var stop = new CancellationTokenSource();
        var switcher = Task.Run(async () =>
        {
            // Back and forth between the vendors while the tickets are sent, until the last one is answered.
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var serving = i % 2 == 0 ? "wutong.ai" : "pengcheng.ai";
                await HubServer.EnsureSuccessAsync(await hub.Client.PutAsJsonAsync($"/api/v1/vendors/{Classify}", new { serving }));
                await Task.Delay(30);
            }
        });
        await Parallel.ForEachAsync(Enumerable.Range(0, tickets), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/urban/12345/tickets")
            {
                Content = JsonContent.Create(new { ticketId = $"SW-{i:000}", text = texts[i % texts.Count], ackWithinSeconds = 3600 }),
            };
            request.Headers.Add("X-Hook-Secret", "sample-secret-replace-before-deploying");
            using var response = await hub.AnonymousClient().SendAsync(request, ct);
            await HubServer.EnsureSuccessAsync(response);
            Interlocked.Increment(ref answered);
        });
        await stop.CancelAsync();
        await switcher;

        Assert.Equal(tickets, answered);
        var queued = new HashSet<string>(StringComparer.Ordinal);
        while (queued.Count < tickets)
        {
            var message = await queues.NextAsync();
            var id = JsonDocument.Parse(message.GetProperty("payload").GetRawText()).RootElement.GetProperty("ticketId").GetString()!;
            if (id.StartsWith("SW-", StringComparison.Ordinal))
            {
                queued.Add(id);
            }
        }

        var after = await CallsAsync();
        var pengcheng = after.Pengcheng - before.Pengcheng;
        var wutong = after.Wutong - before.Wutong;
        Assert.Equal(tickets, pengcheng + wutong);
        Assert.True(pengcheng > 0 && wutong > 0, $"pengcheng served {pengcheng}, wutong {wutong}: the switch did not take effect while tickets flowed");
    }

    [Fact]
    public async Task SwitchingTheFaceVendorLive_WhileMatchesAreAsked_LosesNone()
    {
        const string match = "ai.match-face";
        const int calls = 200;
        // No shadow here: its copies would count as calls of the other vendor.
        await HubServer.EnsureSuccessAsync(await hub.Client.PutAsJsonAsync($"/api/v1/vendors/{match}", new { serving = "pengcheng.ai", shadow = (string?)null }));
        var before = await CallsAsync(match);
        using var stop = new CancellationTokenSource();
        var switcher = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var serving = i % 2 == 0 ? "wutong.ai" : "pengcheng.ai";
                await HubServer.EnsureSuccessAsync(await hub.Client.PutAsJsonAsync($"/api/v1/vendors/{match}", new { serving, shadow = (string?)null }));
                await Task.Delay(20);
            }
        });
        var answered = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, calls), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var response = await hub.Client.PostAsJsonAsync($"/api/v1/capabilities/{match}", new { galleryId = "wanted", faceId = $"face-x{i}" }, ct);
            await HubServer.EnsureSuccessAsync(response);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            if (body.GetProperty("matches").ValueKind == JsonValueKind.Array)
            {
                Interlocked.Increment(ref answered);
            }
        });
        await stop.CancelAsync();
        await switcher;

        var after = await CallsAsync(match);
        var pengcheng = after.Pengcheng - before.Pengcheng;
        var wutong = after.Wutong - before.Wutong;
        Assert.Equal(calls, answered);
        Assert.Equal(calls, pengcheng + wutong);
        Assert.True(pengcheng > 0 && wutong > 0, $"pengcheng served {pengcheng}, wutong {wutong}: the switch did not take effect while matches were asked");
    }

    [Fact]
    public async Task Shadow_CountsAgreementAndLatency_AsTheTwoVendorsAnswered()
    {
        var set = await hub.Client.PutAsJsonAsync($"/api/v1/vendors/{Classify}", new { serving = "pengcheng.ai", shadow = "wutong.ai" });
        await HubServer.EnsureSuccessAsync(set);
        var texts = Complaints().Where((_, i) => i % 7 == 3).Take(40).ToList();
        var expectedAgreements = 0;
        foreach (var text in texts)
        {
            var served = await ClassifyAsync(text, null);
            var pengcheng = await ClassifyAsync(text, "pengcheng.ai");
            var wutong = await ClassifyAsync(text, "wutong.ai");
            Assert.Equal(pengcheng, served);
            expectedAgreements += pengcheng == wutong ? 1 : 0;
        }

        var comparison = await ComparisonAsync(Classify, texts.Count);
        Assert.Equal(texts.Count, comparison.GetProperty("compared").GetInt64());
        Assert.Equal(expectedAgreements, comparison.GetProperty("agreed").GetInt64());
        Assert.Equal("pengcheng.ai", comparison.GetProperty("serving").GetProperty("pluginId").GetString());
        Assert.Equal(texts.Count, comparison.GetProperty("serving").GetProperty("calls").GetInt64());
        Assert.Equal(texts.Count, comparison.GetProperty("shadow").GetProperty("calls").GetInt64());
        Assert.Equal(0, comparison.GetProperty("shadow").GetProperty("failures").GetInt64());
        // The shadow vendor answers from its (simulated) cloud, 5 ms away: its median cannot be below that.
        Assert.True(comparison.GetProperty("shadow").GetProperty("p50Milliseconds").GetDouble() >= 5);
        Assert.True(comparison.GetProperty("serving").GetProperty("p50Milliseconds").GetDouble() >= 0);

        var audit = await hub.GetJsonAsync<JsonElement>($"/api/v1/audit?action=capability.vendors&target={Classify}");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("after").GetString()!.Contains("\"shadow\":\"wutong.ai\"", StringComparison.Ordinal));

        await HubServer.EnsureSuccessAsync(await hub.Client.PutAsJsonAsync($"/api/v1/vendors/{Classify}", new { serving = (string?)null, shadow = (string?)null }));
    }

    [Fact]
    public async Task FaceMatchInShadow_AgreesWhereBothNameTheSameCandidate()
    {
        const string match = "ai.match-face";
        await HubServer.EnsureSuccessAsync(await hub.Client.PutAsJsonAsync($"/api/v1/vendors/{match}", new { serving = "wutong.ai", shadow = "pengcheng.ai" }));
        var faces = Enumerable.Range(1, 20).Select(i => i % 4 == 0 ? $"face-x{i}" : $"face-MP-{i:000}-{i}").ToList();
        var expected = 0;
        foreach (var face in faces)
        {
            var input = new { galleryId = "missing-persons", faceId = face };
            var served = await BestAsync(match, input, null);
            expected += served == await BestAsync(match, input, "pengcheng.ai") ? 1 : 0;
        }

        var comparison = await ComparisonAsync(match, faces.Count);
        Assert.Equal(faces.Count, comparison.GetProperty("compared").GetInt64());
        Assert.Equal(expected, comparison.GetProperty("agreed").GetInt64());
        Assert.True(expected < faces.Count, "the two face models should disagree on some sightings");
    }

    [Theory]
    [InlineData("{ \"serving\": \"nobody.ai\" }", "serving")]
    [InlineData("{ \"shadow\": \"nobody.ai\" }", "shadow")]
    [InlineData("{ \"serving\": \"wutong.ai\", \"shadow\": \"wutong.ai\" }", "shadow")]
    public async Task AChoiceNamingNoOtherVendor_IsA400NamingTheField(string body, string field)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await hub.Client.PutAsync(new Uri($"/api/v1/vendors/{Classify}", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task AnUnknownCapability_Is404_AndOnlyOpsMayChoose()
    {
        var unknown = await hub.Client.PutAsJsonAsync("/api/v1/vendors/ai.read-minds", new { serving = "wutong.ai" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var editor = await hub.CreateClientAsync(["editor"], ["urban"]);
        var denied = await editor.PutAsJsonAsync($"/api/v1/vendors/{Classify}", new { serving = "wutong.ai" });
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var read = await editor.GetAsync(new Uri("/api/v1/vendors", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    /// <summary>The comparison once it has counted <paramref name="pairs"/> pairs (the shadow calls finish after the answers).</summary>
    private async Task<JsonElement> ComparisonAsync(string capability, int pairs)
    {
        JsonElement comparison = default;
        try
        {
            await Poll.UntilAsync(async () =>
            {
                comparison = (await hub.GetJsonAsync<JsonElement>($"/api/v1/vendors/{capability}")).GetProperty("comparison");
                return comparison.ValueKind == JsonValueKind.Object && comparison.GetProperty("compared").GetInt64() >= pairs;
            }, $"{pairs} shadow calls of {capability} compared");
        }
        catch (Xunit.Sdk.FailException ex)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}; the comparison: {comparison}");
        }

        return comparison;
    }

    [Fact]
    public async Task ACapabilityThatChangesTheWorld_GetsNoShadow()
    {
        using var zip = new ByteArrayContent(FixtureZips.Create("Credit"));
        zip.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/zip");
        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), zip));
        await DistrictHub.WaitForCapabilityAsync(hub, "credit.settle");

        var response = await hub.Client.PutAsJsonAsync("/api/v1/vendors/credit.settle", new { shadow = "fixtures.credit" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("shadow", problem.GetProperty("field").GetString());
        Assert.Contains("changes the world", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> ClassifyAsync(string text, string? provider)
    {
        var response = await hub.Client.PostAsJsonAsync($"/api/v1/capabilities/{Classify}" + (provider is null ? string.Empty : "?provider=" + provider), new { text });
        await HubServer.EnsureSuccessAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("department").GetString()!;
    }

    private async Task<string?> BestAsync(string capability, object input, string? provider)
    {
        var response = await hub.Client.PostAsJsonAsync($"/api/v1/capabilities/{capability}" + (provider is null ? string.Empty : "?provider=" + provider), input);
        await HubServer.EnsureSuccessAsync(response);
        var matches = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matches");
        return matches.GetArrayLength() == 0 ? null : matches[0].GetProperty("subjectId").GetString();
    }

    private async Task<(long Pengcheng, long Wutong)> CallsAsync(string capability = Classify) =>
        (await CallsOfAsync("pengcheng.ai", capability), await CallsOfAsync("wutong.ai", capability));

    private async Task<long> CallsOfAsync(string plugin, string capability)
    {
        var view = await hub.GetJsonAsync<JsonElement>($"/api/v1/plugins/{plugin}");
        return view.GetProperty("connectors").EnumerateArray().Single(c => c.GetProperty("id").GetString() == capability).GetProperty("metrics").GetProperty("calls").GetInt64();
    }

    private static IEnumerable<string> Complaints() =>
        File.ReadLines(Path.Combine(RepoPaths.Root, "samples", "complaints", "complaints-12345.tsv")).Select(l => l[(l.IndexOf('\t', StringComparison.Ordinal) + 1)..]);
}
