using System.Net;

namespace Luohu.Hub.Host.Tests.Telemetry;

public sealed class PrometheusEndpointTests
{
    [Fact]
    public async Task Without_configuration_there_is_no_scrape_endpoint()
    {
        await using var hub = await HubServer.StartAsync();

        var response = await hub.Client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.DoesNotContain("luohu_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_enabled_the_scrape_endpoint_needs_an_ops_or_admin_key_and_serves_the_hubs_metrics()
    {
        await using var hub = await HubServer.StartAsync(new Dictionary<string, string?> { ["Hub:Telemetry:Prometheus:Enabled"] = "true" });
        using var viewer = await hub.CreateClientAsync(["viewer"], ["traffic"]);
        using var ops = await hub.CreateClientAsync(["ops"], ["traffic"]);

        var anonymous = await hub.AnonymousClient().GetAsync(new Uri("/metrics", UriKind.Relative));
        var forbidden = await viewer.GetAsync(new Uri("/metrics", UriKind.Relative));
        var scraped = await ops.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        var text = await scraped.Content.ReadAsStringAsync();
        Assert.Contains("luohu_bus_published", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_its_own_port_the_scrape_endpoint_does_not_answer_on_the_hubs_port()
    {
        await using var hub = await HubServer.StartAsync(new Dictionary<string, string?>
        {
            ["Hub:Telemetry:Prometheus:Enabled"] = "true",
            ["Hub:Telemetry:Prometheus:Port"] = "9",
        });

        var response = await hub.Client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.DoesNotContain("luohu_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
