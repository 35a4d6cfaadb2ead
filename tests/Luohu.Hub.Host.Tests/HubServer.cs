using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Luohu.Hub.Host.Tests;

/// <summary>
/// The real hub (the same composition as Program.cs) on a real Kestrel socket on a free loopback port,
/// with its own data folder, deleted on dispose. Auth is on: the server starts with a known admin password, signs
/// in through <c>POST /api/v1/session</c>, creates an admin key through <c>POST /api/v1/keys</c> and sends it as
/// the default <c>X-Api-Key</c> of <see cref="Client"/>.
/// </summary>
public sealed class HubServer : IAsyncDisposable
{
    private HubServer(WebApplication app, Uri baseAddress, string dataPath)
    {
        App = app;
        BaseAddress = baseAddress;
        DataPath = dataPath;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }
    public Uri BaseAddress { get; }
    public string DataPath { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => App.Services;

    private bool stopped;

    public const string AdminPassword = "admin-password-for-tests";
    public const string UserPassword = "user-password-for-tests";

    public string AdminKey { get; private set; } = string.Empty;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Id, string Secret)> consumerKeys = new(StringComparer.Ordinal);
    private HttpClient? bareClient;

    public static async Task<HubServer> StartAsync(IDictionary<string, string?>? settings = null, string? dataPath = null, Action<WebApplicationBuilder>? configure = null)
    {
        dataPath ??= Path.Combine(Path.GetTempPath(), "luohu-hub-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            "--environment=Development",
            $"--contentRoot={dataPath}",
            $"--Hub:DataPath={dataPath}",
            $"--Hub:BundledPluginsPath={Path.Combine(RepoPaths.Root, "artifacts", "bundled-plugins")}",
            "--Logging:LogLevel:Default=Warning",
            $"--Hub:Auth:AdminPassword={AdminPassword}",
            // Every test client signs in from 127.0.0.1, as a whole office behind one address would; the sign-in
            // throttle's own tests set the real limits (later arguments win).
            "--Hub:Auth:SignInAttemptsPerMinute=1000",
            // Test hubs run side by side: the embedded broker (port 1883 by default) only where a test asks for it.
            "--Hub:Mqtt:Broker:Enabled=false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            args.Add($"--{key}={value}");
        }

        var app = HubApplication.Create([.. args], configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var server = new HubServer(app, new Uri(address), dataPath);
        using var admin = await server.SignInAsync("admin", AdminPassword);
        server.AdminKey = await CreateKeyAsync(admin, "tests-admin");
        server.Client.DefaultRequestHeaders.Add("X-Api-Key", server.AdminKey);
        return server;
    }

    /// <summary>A client holding the session cookie of <paramref name="user"/>, sending the anti-forgery header on every request.</summary>
    public async Task<HttpClient> SignInAsync(string user, string password)
    {
        var client = NewClient(new CookieContainer());
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        var response = await client.PostAsJsonAsync("/api/v1/session", new { user, password });
        await EnsureSuccessAsync(response);
        return client;
    }

    /// <summary>Creates a key through the API with the signed-in client and returns the whole key (shown once).</summary>
    public static async Task<string> CreateKeyAsync(HttpClient signedIn, string name, string[]? roles = null, string[]? departments = null, double? expiresInDays = null)
    {
        ArgumentNullException.ThrowIfNull(signedIn);
        var response = await signedIn.PostAsJsonAsync("/api/v1/keys", new { name, roles, departments, expiresInDays });
        await EnsureSuccessAsync(response);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("secret").GetString()!;
    }

    /// <summary>Creates a user with these roles and departments (as admin) and returns a client with a key of that user.</summary>
    public async Task<HttpClient> CreateClientAsync(string[] roles, string[] departments, string? user = null)
    {
        user ??= $"user-{Guid.NewGuid():N}"[..16];
        await CreateUserAsync(user, roles, departments);
        using var signedIn = await SignInAsync(user, UserPassword);
        var key = await CreateKeyAsync(signedIn, $"{user}-key");
        return ClientWithKey(key);
    }

    public async Task CreateUserAsync(string user, string[] roles, string[] departments)
    {
        var response = await Client.PutAsJsonAsync($"/api/v1/users/{user}", new { displayName = user, password = UserPassword, roles, departments });
        await EnsureSuccessAsync(response);
    }

    public HttpClient ClientWithKey(string key)
    {
        var client = NewClient(null);
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>
    /// A real API key (created once per name by the admin) for tests that act as several consumers: send it in
    /// <c>X-Api-Key</c> from <see cref="BareClient"/>. Its rate-limit consumer id is <c>key:{Id}</c>.
    /// </summary>
    public async Task<(string Id, string Secret)> ConsumerKeyAsync(string name)
    {
        if (consumerKeys.TryGetValue(name, out var known))
        {
            return known;
        }

        using var admin = await SignInAsync("admin", AdminPassword);
        var response = await admin.PostAsJsonAsync("/api/v1/keys", new { name });
        await EnsureSuccessAsync(response);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var created = (body.RootElement.GetProperty("key").GetProperty("id").GetString()!, body.RootElement.GetProperty("secret").GetString()!);
        return consumerKeys.GetOrAdd(name, created);
    }

    /// <summary>A client without default credentials, shared by the tests of this server; requests add their own.</summary>
    public HttpClient BareClient => bareClient ??= NewClient(null);

    /// <summary>A client with no credentials at all.</summary>
    public HttpClient AnonymousClient() => NewClient(null);

    private HttpClient NewClient(CookieContainer? cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = cookies is not null })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    public async Task<T> GetJsonAsync<T>(string path)
    {
        var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        await EnsureSuccessAsync(response);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public static async Task EnsureSuccessAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {body}");
        }
    }

    /// <summary>Stops the hub as a service manager would, keeping its data folder (a restart test starts another on it).</summary>
    public async Task StopAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        Client.Dispose();
        bareClient?.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background task; the temp folder is reclaimed later.
        }
    }
}
