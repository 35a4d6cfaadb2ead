using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Luohu.Hub.Host.Tests;

/// <summary>The plugin API end to end: the real hub on Kestrel, real plugins through the real loader.</summary>
public sealed class PluginsApiTests
{
    [Fact]
    public async Task The_sample_plugins_are_installed_at_first_start_and_running()
    {
        await using var hub = await HubServer.StartAsync();

        var plugins = await hub.GetJsonAsync<JsonElement>("/api/v1/plugins");

        foreach (var id in new[] { "luohu.parking", "luohu.signals" })
        {
            var plugin = plugins.EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);
            Assert.Equal("Running", plugin.GetProperty("state").GetString());
            Assert.NotEmpty(plugin.GetProperty("connectors").EnumerateArray());
        }
    }

    [Fact]
    public async Task Capabilities_list_actions_with_schemas_and_family_capabilities_with_their_provider()
    {
        await using var hub = await HubServer.StartAsync();

        var capabilities = await hub.GetJsonAsync<JsonElement>("/api/v1/capabilities");

        var getLot = capabilities.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "parking.get-lot");
        Assert.True(getLot.GetProperty("inputSchema").GetProperty("properties").TryGetProperty("lotId", out _));
        var setPhase = capabilities.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "signal.set-phase");
        Assert.Equal("ISignalController", setPhase.GetProperty("family").GetString());
        Assert.Equal("luohu.signals", setPhase.GetProperty("providers")[0].GetString());
        var occupancy = capabilities.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "parking.occupancy");
        Assert.Equal("sensors/parking/+/occupancy", occupancy.GetProperty("topics").GetString());
    }

    [Fact]
    public async Task Invoking_a_capability_runs_the_plugin_that_serves_it()
    {
        await using var hub = await HubServer.StartAsync();

        var response = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/parking.get-lot", new { lotId = "LH-0042" });

        await HubServer.EnsureSuccessAsync(response);
        var lot = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("LH-0042", lot.GetProperty("lot").GetString());
        var total = lot.GetProperty("total").GetInt32();
        Assert.InRange(lot.GetProperty("free").GetInt32(), 0, total);
    }

    [Fact]
    public async Task A_family_capability_with_an_unknown_intersection_is_a_400_naming_the_field()
    {
        await using var hub = await HubServer.StartAsync();

        var response = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/signal.set-phase",
            new { intersectionId = "LH-X999", phaseId = "pedestrian", durationSeconds = 30 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("intersectionId", problem.GetProperty("field").GetString());
        Assert.Contains("LH-X999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_capability_is_a_404_problem()
    {
        await using var hub = await HubServer.StartAsync();

        var response = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/water.open-gate", new { gate = 1 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_saying_where()
    {
        await using var hub = await HubServer.StartAsync();

        var response = await hub.Client.PostAsync(new Uri("/api/v1/capabilities/parking.get-lot", UriKind.Relative),
            new StringContent("{ \"lotId\": \n  \"LH-0042\" ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("line 2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_upload_installs_upgrades_reloads_disables_enables_and_uninstalls_a_plugin()
    {
        await using var hub = await HubServer.StartAsync();

        var installed = await hub.Client.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), Zip("Counter.V1"));
        Assert.Equal(HttpStatusCode.Created, installed.StatusCode);
        Assert.Equal("Running", (await installed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal("1.0.0", await CounterVersionAsync(hub));

        using (var form = new MultipartFormDataContent())
        {
            form.Add(Zip("Counter.V2"), "package", "counter-2.0.0.zip");
            var upgraded = await hub.Client.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), form);
            await HubServer.EnsureSuccessAsync(upgraded);
        }

        Assert.Equal("2.0.0", await CounterVersionAsync(hub));

        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsync(new Uri("/api/v1/plugins/fixtures.counter/reload", UriKind.Relative), null));
        Assert.Equal("2.0.0", await CounterVersionAsync(hub));

        var disabled = await hub.Client.PostAsync(new Uri("/api/v1/plugins/fixtures.counter/disable", UriKind.Relative), null);
        Assert.Equal("Disabled", (await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        var refused = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/counter.add", new { add = 1 });
        Assert.True(refused.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.NotFound, $"got {refused.StatusCode}");

        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsync(new Uri("/api/v1/plugins/fixtures.counter/enable", UriKind.Relative), null));
        Assert.Equal("2.0.0", await CounterVersionAsync(hub));

        var removed = await hub.Client.DeleteAsync(new Uri("/api/v1/plugins/fixtures.counter", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hub.Client.GetAsync(new Uri("/api/v1/plugins/fixtures.counter", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hub.Client.PostAsJsonAsync("/api/v1/capabilities/counter.add", new { add = 1 })).StatusCode);
    }

    [Fact]
    public async Task Uploading_something_that_is_not_a_zip_is_a_400_and_installs_nothing()
    {
        await using var hub = await HubServer.StartAsync();
        var before = (await hub.GetJsonAsync<JsonElement>("/api/v1/plugins")).GetArrayLength();

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("this is not a zip"));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var response = await hub.Client.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("zip", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, (await hub.GetJsonAsync<JsonElement>("/api/v1/plugins")).GetArrayLength());
    }

    [Fact]
    public async Task An_anonymous_upload_is_401_whatever_its_content_type_and_a_wrong_type_is_415_for_a_caller()
    {
        await using var hub = await HubServer.StartAsync();
        using var anonymous = hub.AnonymousClient();

        var stranger = await anonymous.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        var caller = await hub.Client.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, caller.StatusCode);
        Assert.Contains("application/zip", await caller.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(40_000_000, false)]
    [InlineData(40_000_000, true)]
    [InlineData(70_000_000, false)]
    public async Task A_package_over_the_one_limit_is_413_naming_it_between_kestrels_limit_and_ours_too(int size, bool multipart)
    {
        await using var hub = await HubServer.StartAsync(new Dictionary<string, string?> { ["Hub:Api:MaxPluginPackageBytes"] = "35000000" });
        var bytes = new ByteArrayContent(new byte[size]);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        HttpContent content = bytes;
        if (multipart)
        {
            content = new MultipartFormDataContent { { bytes, "package", "big.zip" } };
        }

        // As curl does for a large upload: the body is sent only once the hub says 100 Continue, so a 413 that answers
        // before reading it reaches the client instead of a broken pipe.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/plugins", UriKind.Relative)) { Content = content };
        request.Headers.ExpectContinue = true;
        var response = await hub.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("35000000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_package_between_kestrels_default_limit_and_ours_is_read_and_judged_as_a_package()
    {
        await using var hub = await HubServer.StartAsync();
        var content = new ByteArrayContent(new byte[31_000_000]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");

        var response = await hub.Client.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("zip", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Operations_on_an_unknown_plugin_are_404_problems()
    {
        await using var hub = await HubServer.StartAsync();

        var response = await hub.Client.PostAsync(new Uri("/api/v1/plugins/nobody.here/reload", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_plugin_that_hangs_or_throws_is_contained_and_the_hub_keeps_serving()
    {
        await using var hub = await HubServer.StartAsync(new Dictionary<string, string?>
        {
            ["Hub:PluginHost:InvokeTimeout"] = "00:00:02",
            ["Hub:PluginHost:DrainTimeout"] = "00:00:02",
        });
        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), Zip("Faulty")));

        var hung = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/faulty.hang", new { text = "x" });
        var threw = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/faulty.throw", new { text = "x" });

        Assert.Equal(HttpStatusCode.GatewayTimeout, hung.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, threw.StatusCode);
        var lot = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/parking.get-lot", new { lotId = "LH-0001" });
        Assert.Equal(HttpStatusCode.OK, lot.StatusCode);
        var faulty = await hub.GetJsonAsync<JsonElement>("/api/v1/plugins/fixtures.faulty");
        var hangMetrics = faulty.GetProperty("connectors").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "faulty.hang").GetProperty("metrics");
        Assert.Equal(1, hangMetrics.GetProperty("timeouts").GetInt64());
    }

    private static ByteArrayContent Zip(string stagedName)
    {
        var content = new ByteArrayContent(FixtureZips.Create(stagedName));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return content;
    }

    private static async Task<string?> CounterVersionAsync(HubServer hub)
    {
        var response = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/counter.add", new { add = 1 });
        await HubServer.EnsureSuccessAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString();
    }
}
