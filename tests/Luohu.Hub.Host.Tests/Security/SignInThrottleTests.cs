using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Luohu.Hub.Runtime.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Host.Tests.Security;

/// <summary>
/// Sign-in under attack, with the real limits. Clients come from distinct loopback addresses (127.0.0.x), so the
/// hub sees distinct remote addresses as it would across a network.
/// </summary>
public sealed class SignInThrottleTests
{
    private static readonly Dictionary<string, string?> RealLimits = new()
    {
        ["Hub:Auth:SignInAttemptsPerMinute"] = "30",
        ["Hub:Auth:UnknownNameAuditsPerMinute"] = "3",
    };

    [Fact]
    public async Task FiveFailuresFromAStranger_DoNotLockTheOwnerOutFromTheirAddress()
    {
        await using var hub = await HubServer.StartAsync(RealLimits);
        await hub.CreateUserAsync("clerk", ["viewer"], ["water"]);
        using var stranger = From(hub, "127.0.0.2");
        using var owner = From(hub, "127.0.0.3");

        var strangers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            strangers.Add((await SignInAsync(stranger, "clerk", "guess-" + i)).StatusCode);
        }

        var fromOwner = await SignInAsync(owner, "clerk", HubServer.UserPassword);
        var strangerWithTheRightPassword = await SignInAsync(stranger, "clerk", HubServer.UserPassword);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], strangers);
        Assert.Equal(HttpStatusCode.OK, fromOwner.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, strangerWithTheRightPassword.StatusCode);
        Assert.NotNull(strangerWithTheRightPassword.Headers.RetryAfter);
    }

    [Fact]
    public async Task AnUnknownName_GetsTheSameAnswersAsAnExistingOne()
    {
        await using var hub = await HubServer.StartAsync(RealLimits);
        await hub.CreateUserAsync("clerk", ["viewer"], ["water"]);
        using var client = From(hub, "127.0.0.4");

        var existing = new List<(HttpStatusCode, string)>();
        var unknown = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < 6; i++)
        {
            existing.Add(await AnswerAsync(await SignInAsync(client, "clerk", "wrong")));
            unknown.Add(await AnswerAsync(await SignInAsync(client, "nobody-here", "wrong")));
        }

        Assert.Equal(existing, unknown);
        Assert.Contains((HttpStatusCode.TooManyRequests, "Too many attempts"), existing);
    }

    [Fact]
    public async Task AnAddressOverItsAttemptsPerMinute_Is429BeforeAnyCheck_AndWritesNoMore()
    {
        await using var hub = await HubServer.StartAsync(new Dictionary<string, string?> { ["Hub:Auth:SignInAttemptsPerMinute"] = "30" });
        using var client = From(hub, "127.0.0.5");
        var before = await AuditCountAsync(hub, "session.sign-in");

        // A new name each time, so that only the address's own limit applies.
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 34; i++)
        {
            answers.Add((await SignInAsync(client, "guess-" + i, "wrong")).StatusCode);
        }

        Assert.All(answers.Take(30), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(answers.Skip(30), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(30, await AuditCountAsync(hub, "session.sign-in") - before);
        using var other = From(hub, "127.0.0.9");
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(other, "guess-x", "wrong")).StatusCode);
    }

    [Fact]
    public async Task FailuresOfUnknownNames_AreWrittenOnlyWithinTheAllowancePerMinute()
    {
        await using var hub = await HubServer.StartAsync(RealLimits);
        using var client = From(hub, "127.0.0.6");

        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, $"stranger-{i}", "x")).StatusCode);
        }

        using var audit = JsonDocument.Parse(await hub.Client.GetStringAsync(new Uri("/api/v1/audit?action=session.sign-in&limit=100", UriKind.Relative)));
        var anonymous = audit.RootElement.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("actorKind").GetString() == "anonymous");
        Assert.Equal(3, anonymous);
    }

    [Fact]
    public async Task AThreeMegabyteUserName_Is400_AndWritesNothing()
    {
        await using var hub = await HubServer.StartAsync(RealLimits);
        using var client = From(hub, "127.0.0.7");
        var before = await AuditCountAsync(hub, "session.sign-in");

        var response = await SignInAsync(client, new string('a', 3 * 1024 * 1024), "x");

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"got {response.StatusCode}");
        Assert.Equal(before, await AuditCountAsync(hub, "session.sign-in"));
        var shortEnough = await SignInAsync(client, new string('a', 100), "x");
        Assert.Equal(HttpStatusCode.BadRequest, shortEnough.StatusCode);
        Assert.Contains("longer than 64 characters", await shortEnough.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await AuditCountAsync(hub, "session.sign-in"));
    }

    [Fact]
    public async Task AHashInTheEarlierFormat_SignsIn_AndIsRewrittenInIdentitysFormat()
    {
        await using var hub = await HubServer.StartAsync(RealLimits);
        await hub.CreateUserAsync("veteran", ["viewer"], ["water"]);
        var store = hub.Services.GetRequiredService<ISecurityStore>();
        var user = (await store.FindUserAsync("veteran", CancellationToken.None))!;
        var salt = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);
        var derived = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(
            System.Text.Encoding.UTF8.GetBytes("an-old-password"), salt, 210_000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        await store.UpsertUserAsync(user with { PasswordHash = $"pbkdf2-sha256.v1$210000${Convert.ToBase64String(salt)}${Convert.ToBase64String(derived)}" }, CancellationToken.None);
        using var client = From(hub, "127.0.0.8");

        var response = await SignInAsync(client, "veteran", "an-old-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rewritten = (await store.FindUserAsync("veteran", CancellationToken.None))!.PasswordHash;
        Assert.DoesNotContain("pbkdf2-sha256.v1", rewritten, StringComparison.Ordinal);
        Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Success, Passwords.Verify("an-old-password", rewritten));
    }

    [Theory]
    [InlineData("/api/v1/users/{0}", "{{ \"displayName\": \"x\", \"password\": \"long-enough-password\" }}")]
    [InlineData("/api/v1/departments/{0}", "{{ \"nameZh\": \"x\", \"nameEn\": \"x\" }}")]
    public async Task AnIdOfAMegabyte_OrOddCharacters_Is400AndWritesNoAuditRow(string route, string body)
    {
        await using var hub = await HubServer.StartAsync(RealLimits);
        var before = await AuditCountAsync(hub, string.Empty);

        foreach (var id in new[] { new string('a', 1024 * 1024), new string('b', 65), "semi;colon" })
        {
            var response = await hub.Client.PutAsync(new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, Uri.EscapeDataString(id)), UriKind.Relative),
                new StringContent(string.Format(System.Globalization.CultureInfo.InvariantCulture, body), System.Text.Encoding.UTF8, "application/json"));
            // A megabyte never reaches the hub's code: the server refuses the request line (414).
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestUriTooLong, $"{id.Length} characters: {response.StatusCode}");
        }

        Assert.Equal(before, await AuditCountAsync(hub, string.Empty));
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string user, string password) =>
        client.PostAsJsonAsync("/api/v1/session", new { user, password });

    private static async Task<(HttpStatusCode, string)> AnswerAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.GetProperty("title").GetString()!);
    }

    private static async Task<int> AuditCountAsync(HubServer hub, string action)
    {
        var filter = action.Length == 0 ? string.Empty : $"action={action}&";
        using var audit = JsonDocument.Parse(await hub.Client.GetStringAsync(new Uri($"/api/v1/audit?{filter}limit=500", UriKind.Relative)));
        return audit.RootElement.GetProperty("entries").GetArrayLength();
    }

    /// <summary>A client whose connections leave from <paramref name="localAddress"/> (any 127.0.0.x reaches the hub on 127.0.0.1).</summary>
    private static HttpClient From(HubServer hub, string localAddress)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = hub.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }
}
