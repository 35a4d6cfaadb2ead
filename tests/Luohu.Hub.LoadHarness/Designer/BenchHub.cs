using System.Net;
using System.Net.Http.Json;
using Luohu.Hub.Host;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Luohu.Hub.LoadHarness.Designer;

/// <summary>A real hub on Kestrel (embedded defaults, the district samples) with an admin API client signed in by cookie.</summary>
internal sealed class BenchHub : IAsyncDisposable
{
    public const string AdminPassword = "admin-password-for-benchmarks";

    private BenchHub(WebApplication app, Uri address, string dataPath)
    {
        App = app;
        BaseAddress = address;
        DataPath = dataPath;
        Client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public string DataPath { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<BenchHub> StartAsync()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "luohu-designer-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        var app = HubApplication.Create([
            "--urls=http://127.0.0.1:0", "--environment=Development", $"--contentRoot={dataPath}", $"--Hub:DataPath={dataPath}", "--Logging:LogLevel:Default=Warning",
            $"--Hub:BundledPluginsPath={Path.Combine(RepoPaths.Root, "artifacts", "bundled-plugins")}",
            $"--Hub:Auth:AdminPassword={AdminPassword}", "--applicationName=Luohu.Hub.Host",
            "--Hub:Mqtt:Broker:Enabled=false",
        ]);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var hub = new BenchHub(app, address, dataPath);
        await EnsureSuccessAsync(await hub.Client.PostAsJsonAsync("/api/v1/session", new { user = "admin", password = AdminPassword }));
        return hub;
    }

    public static async Task EnsureSuccessAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a closing handle; the temp folder is cleaned by the system later.
        }
    }
}
