using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Luohu.Hub.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Benchmarks.Gateway;

/// <summary>
/// Load on <c>GET /api/v1/data/parking</c> of the real hub (sample flow running, a consumer key, rate limits on
/// but set high enough not to reject) next to a bare endpoint of the same host that returns the same bytes, in
/// one run; prints requests/s, p50 and p99 of both and the ratio. The load generator shares the machine.
/// Run: <c>dotnet run -c Release --project tests/Luohu.Hub.Benchmarks -- gateway-load [seconds] [connections]</c>.
/// </summary>
internal static class GatewayLoadHarness
{
    private const string AdminPassword = "load-harness-admin-password";

    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var connections = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 32;
        var dataPath = Path.Combine(Path.GetTempPath(), "luohu-hub-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        var app = HubApplication.Create(
        [
            "--urls=http://127.0.0.1:0",
            "--environment=Production",
            $"--contentRoot={dataPath}",
            $"--Hub:DataPath={dataPath}",
            "--Hub:Mqtt:Broker:Enabled=false",
            $"--Hub:BundledPluginsPath={Path.Combine(RepoPaths.Root, "artifacts", "bundled-plugins")}",
            "--Logging:LogLevel:Default=Warning",
            $"--Hub:Auth:AdminPassword={AdminPassword}",
            "--Hub:Gateway:RateLimits:Data:PermitsPerPeriod=10000000",
            "--Hub:Gateway:RateLimits:Data:Burst=10000000",
        ]);
        byte[] bare = [];
        app.MapGet("/bare/parking", () => Results.Bytes(bare, "application/json; charset=utf-8"));
        await app.StartAsync();
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using var client = Client(address, connections, await CreateKeyAsync(address));
            bare = await WaitForFullDatasetAsync(client);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gateway-load: {seconds} s per endpoint, {connections} connections, {bare.Length:N0} bytes per answer, {Environment.ProcessorCount} cores"));

            await MeasureAsync(client, "/api/v1/data/parking", connections, 2);
            var gateway = await MeasureAsync(client, "/api/v1/data/parking", connections, seconds);
            await MeasureAsync(client, "/bare/parking", connections, 2);
            var plain = await MeasureAsync(client, "/bare/parking", connections, seconds);

            Print("GET /api/v1/data/parking (key, rate limiter, cache)", gateway);
            Print("GET /bare/parking (same bytes, no gateway)", plain);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio gateway/bare: throughput {gateway.RequestsPerSecond / plain.RequestsPerSecond:P0}, p99 {gateway.P99 / plain.P99:0.00}x"));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            TryDelete(dataPath);
        }
    }

    /// <summary>Signs in as the first admin and creates the consumer key the load runs with, as a real consumer would get one.</summary>
    private static async Task<string> CreateKeyAsync(Uri address)
    {
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address };
        admin.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        using (var session = await admin.PostAsJsonAsync("/api/v1/session", new { user = "admin", password = AdminPassword }))
        {
            session.EnsureSuccessStatusCode();
        }

        using var created = await admin.PostAsJsonAsync("/api/v1/keys", new { name = "load-harness" });
        created.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("secret").GetString()!;
    }

    private static HttpClient Client(Uri address, int connections, string apiKey)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, AutomaticDecompression = DecompressionMethods.None };
        var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    private static async Task<byte[]> WaitForFullDatasetAsync(HttpClient client)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 60);
        while (true)
        {
            var body = await client.GetByteArrayAsync(new Uri("/api/v1/data/parking", UriKind.Relative));
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.GetProperty("totals").GetProperty("carParks").GetInt32() == 620)
            {
                return body;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new InvalidOperationException("The parking dataset did not fill with 620 car parks within 60 s.");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<LoadResult> MeasureAsync(HttpClient client, string path, int connections, int seconds)
    {
        var uri = new Uri(path, UriKind.Relative);
        var end = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * seconds);
        var errors = 0;
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(100_000);
            while (Stopwatch.GetTimestamp() < end)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
                await using (var stream = await response.Content.ReadAsStreamAsync())
                {
                    await stream.CopyToAsync(Stream.Null);
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }
            }

            return latencies;
        })).ToArray();
        var all = (await Task.WhenAll(workers)).SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadResult(all.Length / (double)seconds, Percentile(all, 0.50), Percentile(all, 0.99), errors);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static void Print(string name, LoadResult result) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-55} {result.RequestsPerSecond,10:N0} req/s   p50 {result.P50,7:0.000} ms   p99 {result.P99,7:0.000} ms   non-200: {result.Errors}"));

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background task; the temp folder is reclaimed later.
        }
    }

    private sealed record LoadResult(double RequestsPerSecond, double P50, double P99, int Errors);
}
