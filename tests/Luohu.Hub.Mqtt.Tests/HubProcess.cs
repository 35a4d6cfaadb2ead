using System.Diagnostics;
using System.Net.Http.Json;
using Luohu.Hub.Host.Tests;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>The hub as a separate process (<c>dotnet Luohu.Hub.Host.dll</c>), so a test can SIGKILL it.</summary>
public sealed class HubProcess : IDisposable
{
    private readonly Process _process;

    private HubProcess(Process process, int port)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public static async Task<HubProcess> StartAsync(string dataPath, int port, IDictionary<string, string?> settings)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(RepoPaths.Root, "host", "Luohu.Hub.Host", "bin", configuration, "net10.0", "Luohu.Hub.Host.dll");
        if (!File.Exists(dll))
        {
            dll = Path.Combine(AppContext.BaseDirectory, "Luohu.Hub.Host.dll");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dataPath };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        start.ArgumentList.Add($"--contentRoot={dataPath}");
        start.ArgumentList.Add($"--Hub:DataPath={dataPath}");
        start.ArgumentList.Add($"--Hub:BundledPluginsPath={Path.Combine(RepoPaths.Root, "artifacts", "bundled-plugins")}");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        start.ArgumentList.Add($"--Hub:Auth:AdminPassword={HubServer.AdminPassword}");
        start.ArgumentList.Add("--Hub:Mqtt:Broker:Enabled=false");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var hub = new HubProcess(process, port);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(process.HasExited, $"the hub process exited with {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                using var response = await hub.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
                await hub.UseAdminKeyAsync();
                return hub;
            }
            catch (HttpRequestException)
            {
                Assert.True(DateTime.UtcNow < deadline, "the hub process did not answer /healthz within 60 s");
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Signs in as the first admin (as on every start: the same data folder keeps the user) and sends a fresh key.</summary>
    private async Task UseAdminKeyAsync()
    {
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = Client.BaseAddress };
        admin.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        await HubServer.EnsureSuccessAsync(await admin.PostAsJsonAsync("/api/v1/session", new { user = "admin", password = HubServer.AdminPassword }));
        Client.DefaultRequestHeaders.Add("X-Api-Key", await HubServer.CreateKeyAsync(admin, "mqtt-tests"));
    }

    /// <summary>SIGKILL on Linux: no shutdown code runs.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        Client.Dispose();
    }
}
