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
    public async Task Healthz_tells_a_stranger_the_status_alone_and_a_caller_with_a_key_the_checks()
    {
        await using var hub = await HubServer.StartAsync();
        using var anonymous = hub.AnonymousClient();

        var stranger = await anonymous.GetStringAsync(new Uri("/healthz", UriKind.Relative));
        var known = await hub.Client.GetStringAsync(new Uri("/healthz", UriKind.Relative));

        using var strangers = JsonDocument.Parse(stranger);
        Assert.Equal(["status"], strangers.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("luohu.parking", stranger, StringComparison.Ordinal);
        using var callers = JsonDocument.Parse(known);
        Assert.True(callers.RootElement.GetProperty("checks").EnumerateObject().Any());
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/api/v1/plugins")]
    [InlineData("/healthz")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        await using var hub = await HubServer.StartAsync();
        using var anonymous = hub.AnonymousClient();

        var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
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
