using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Luohu.Hub.Host.Tests;

/// <summary>
/// The real hub (the same composition as Program.cs) on a real Kestrel socket on a free loopback port,
/// with its own data folder, deleted on dispose.
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

    public static async Task<HubServer> StartAsync(IDictionary<string, string?>? settings = null, string? dataPath = null)
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
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            args.Add($"--{key}={value}");
        }

        var app = HubApplication.Create([.. args]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HubServer(app, new Uri(address), dataPath);
    }

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
            // A file still held open by a finishing background task; the temp folder is reclaimed later.
        }
    }
}
