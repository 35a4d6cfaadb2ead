using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Luohu.Hub.Host.Tests.Security;

public sealed class SignInTests
{
    [Fact]
    public async Task AnApiEndpoint_WithoutCredentials_Is401ProblemNotARedirect()
    {
        await using var hub = await HubServer.StartAsync();
        using var anonymous = hub.AnonymousClient();

        var response = await anonymous.GetAsync(new Uri("/api/v1/plugins", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SignIn_SetsAStrictHttpOnlyCookie_AndSessionSaysWhoIAm()
    {
        await using var hub = await HubServer.StartAsync();
        using var anonymous = hub.AnonymousClient();

        var response = await anonymous.PostAsJsonAsync("/api/v1/session", new { user = "admin", password = HubServer.AdminPassword });
        await HubServer.EnsureSuccessAsync(response);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        using var admin = await hub.SignInAsync("admin", HubServer.AdminPassword);
        using var me = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/v1/session", UriKind.Relative)));
        Assert.Equal("admin", me.RootElement.GetProperty("name").GetString());
        Assert.Equal("admin", me.RootElement.GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task SignIn_WrongPassword_Is401AndAudited()
    {
        await using var hub = await HubServer.StartAsync();
        using var anonymous = hub.AnonymousClient();

        var response = await anonymous.PostAsJsonAsync("/api/v1/session", new { user = "admin", password = "not-the-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var audit = JsonDocument.Parse(await hub.Client.GetStringAsync(new Uri("/api/v1/audit?action=session.sign-in&actor=admin", UriKind.Relative)));
        Assert.Contains(audit.RootElement.GetProperty("entries").EnumerateArray(), e => e.GetProperty("outcome").GetString() == "failed");
    }

    [Fact]
    public async Task FiveFailures_LockTheUserOut_EvenForTheRightPassword()
    {
        await using var hub = await HubServer.StartAsync();
        await hub.CreateUserAsync("clerk", ["viewer"], ["water"]);
        using var anonymous = hub.AnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostAsJsonAsync("/api/v1/session", new { user = "clerk", password = "wrong-password" });
        }

        var response = await anonymous.PostAsJsonAsync("/api/v1/session", new { user = "clerk", password = HubServer.UserPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        using var audit = JsonDocument.Parse(await hub.Client.GetStringAsync(new Uri("/api/v1/audit?action=session.lockout", UriKind.Relative)));
        Assert.Single(audit.RootElement.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task CookieRequestThatChangesSomething_WithoutTheAntiForgeryHeader_Is403()
    {
        await using var hub = await HubServer.StartAsync();
        using var admin = await hub.SignInAsync("admin", HubServer.AdminPassword);
        admin.DefaultRequestHeaders.Remove("X-Requested-With");

        var response = await admin.PostAsJsonAsync("/api/v1/keys", new { name = "from-a-form" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("X-Requested-With", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedKey_Is401()
    {
        await using var hub = await HubServer.StartAsync();
        using var admin = await hub.SignInAsync("admin", HubServer.AdminPassword);
        var created = await admin.PostAsJsonAsync("/api/v1/keys", new { name = "to-revoke" });
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        using var client = hub.ClientWithKey(body.RootElement.GetProperty("secret").GetString()!);
        await HubServer.EnsureSuccessAsync(await client.GetAsync(new Uri("/api/v1/plugins", UriKind.Relative)));

        var revoked = await admin.DeleteAsync(new Uri($"/api/v1/keys/{body.RootElement.GetProperty("key").GetProperty("id").GetString()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        var response = await client.GetAsync(new Uri("/api/v1/plugins", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("revoked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredKey_Is401()
    {
        await using var hub = await HubServer.StartAsync();
        using var admin = await hub.SignInAsync("admin", HubServer.AdminPassword);
        var key = await HubServer.CreateKeyAsync(admin, "short-lived", expiresInDays: 0.5 / 86_400);
        using var client = hub.ClientWithKey(key);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpResponseMessage response;
        do
        {
            response = await client.GetAsync(new Uri("/api/v1/plugins", UriKind.Relative));
        }
        while (response.StatusCode != HttpStatusCode.Unauthorized && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyList_NeverShowsTheSecretOrItsHash()
    {
        await using var hub = await HubServer.StartAsync();

        var list = await hub.Client.GetStringAsync(new Uri("/api/v1/keys", UriKind.Relative));

        Assert.DoesNotContain(hub.AdminKey.Split('_')[2], list, StringComparison.Ordinal);
        Assert.DoesNotContain("secretHash", list, StringComparison.OrdinalIgnoreCase);
    }
}
