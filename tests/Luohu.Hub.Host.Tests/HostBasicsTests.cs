using System.Net;
using System.Text.Json;

namespace Luohu.Hub.Host.Tests;

public sealed class HostBasicsTests
{
    [Fact]
    public async Task Healthz_answers_json_with_an_overall_status()
    {
        await using var hub = await HubServer.StartAsync();

        var response = await hub.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(body.RootElement.GetProperty("status").GetString(), new[] { "Healthy", "Degraded" });
    }

    [Fact]
    public async Task OpenApi_document_lists_the_plugin_and_capability_endpoints()
    {
        await using var hub = await HubServer.StartAsync();

        var json = await hub.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        using var document = JsonDocument.Parse(json);
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/plugins", out _));
        Assert.True(paths.TryGetProperty("/api/v1/capabilities/{capability}", out _));
    }
}
