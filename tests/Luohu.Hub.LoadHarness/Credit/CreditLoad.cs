using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Luohu.Bank.Simulator;
using Luohu.Hub.Host;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Luohu.Hub.LoadHarness.Credit;

/// <summary>
/// Settlements end to end: signed discharge webhooks (each its own Idempotency-Key) → the hospital flow's credit.settle
/// → the bank credit plugin → the bank simulator over HTTP → the reply. Two hubs in one run, the same flow, the same
/// bank: one with the outbox (SQLite, the default), one without it; throughput, p50 and p99 of each, and the difference.
/// </summary>
internal static class CreditLoad
{
    private const string Secret = "partner-secret-for-benchmarks-0123456789";
    private const string HookSecret = "sample-secret-replace-before-deploying";
    private const string AdminPassword = "admin-password-for-benchmarks";

    public static async Task RunAsync(int seconds, int concurrency)
    {
        var bankData = Path.Combine(Path.GetTempPath(), "luohu-credit-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(bankData);
        await using var bank = BankSimulator.Create([
            "--urls=http://127.0.0.1:0", $"--contentRoot={bankData}", $"--Bank:DataPath={bankData}", $"--Bank:Partners:luohu-hub={Secret}",
            "--Bank:CreditLine=100000000", "--Logging:LogLevel:Default=Warning",
        ]);
        await bank.StartAsync();
        var bankUrl = Address(bank);
        Console.WriteLine($"credit: {seconds} s per variant, {concurrency} discharges in flight, bank at {bankUrl}");

        foreach (var (name, outbox) in new[] { ("warm-up (outbox)", true), ("with outbox", true), ("without outbox", false), ("with outbox (again)", true) })
        {
            await using var hub = await StartHubAsync(bankUrl, outbox);
            var assessment = await AssessAsync(hub.Client);
            var (count, failed, latencies, elapsed) = await LoadAsync(hub.Address, assessment, name.StartsWith("warm", StringComparison.Ordinal) ? 3 : seconds, concurrency, name);
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-22} {count / elapsed.TotalSeconds,8:F0} settlements/s  p50 {Percentile(latencies, 0.50),6:F1} ms  p99 {Percentile(latencies, 0.99),6:F1} ms  ({count} settled, {failed} failed)"));
        }
    }

    private static async Task<(int Count, int Failed, List<double> Latencies, TimeSpan Elapsed)> LoadAsync(Uri hub, string assessment, int seconds, int concurrency, string run)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = hub, Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new List<double>();
        var count = 0;
        var failed = 0;
        var next = 0;
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        var tag = run.Replace(' ', '-').Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var mine = new List<double>();
            while (clock.Elapsed < until)
            {
                var n = Interlocked.Increment(ref next);
                var bill = $"{tag}-{n}";
                var body = JsonSerializer.SerializeToUtf8Bytes(new { registrationId = "R-" + n, assessmentId = assessment, billId = bill, amount = 1m }, JsonSerializerOptions.Web);
                using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/health/hospital/discharge")
                {
                    Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
                };
                request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(HookSecret), body)));
                request.Headers.Add("Idempotency-Key", bill);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref count);
                    mine.Add(ms);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }

            lock (latencies)
            {
                latencies.AddRange(mine);
            }
        }));
        return (count, failed, latencies, clock.Elapsed);
    }

    private static async Task<(HttpClient Client, Uri Address, WebApplication App, string Data)> StartHubCoreAsync(Uri bank, bool outbox)
    {
        var data = Path.Combine(Path.GetTempPath(), "luohu-credit-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var app = HubApplication.Create([
            "--urls=http://127.0.0.1:0", "--environment=Production", $"--contentRoot={data}", $"--Hub:DataPath={data}", "--Logging:LogLevel:Default=Warning",
            "--Hub:BundledPluginsPath=", $"--Hub:Flows:SamplesPath={Path.Combine(RepoPaths.Root, "samples", "flows")}",
            $"--Hub:Auth:AdminPassword={AdminPassword}", "--applicationName=Luohu.Hub.Host", "--Hub:Mqtt:Broker:Enabled=false",
            "--Hub:Webhooks:MaxConcurrentRequests=1000",
        ], builder =>
        {
            if (!outbox)
            {
                builder.Host.UseServiceProviderFactory(new WithoutOutbox());
            }
        });
        await app.StartAsync();
        var address = Address(app);
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        await Ok(await client.PostAsJsonAsync("/api/v1/session", new { user = "admin", password = AdminPassword }));
        var folder = Path.Combine(RepoPaths.Root, "artifacts", "plugins", "Luohu.Hub.Plugins.BankCredit");
        using var zip = new MemoryStream();
        ZipFile.CreateFromDirectory(folder, zip);
        using var content = new ByteArrayContent(zip.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/zip") } };
        await Ok(await client.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), content));
        await Ok(await client.PutAsJsonAsync("/api/v1/plugins/luohu.bank-credit/settings", new
        {
            values = new Dictionary<string, string> { ["BaseUrl"] = bank.ToString() },
            secrets = new Dictionary<string, string> { ["PartnerSecret"] = Secret },
        }));
        for (var i = 0; i < 200 && !(await client.GetStringAsync(new Uri("/api/v1/capabilities", UriKind.Relative))).Contains("credit.settle", StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
        }

        if (!outbox)
        {
            // Without the outbox nothing fills in the idempotency key: the flow passes the bill id, as a flow would.
            var flow = (await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "samples", "flows", "hospital-credit.json")))
                .Replace("({ assessmentId: msg.payload.body.assessmentId,", "({ idempotencyKey: msg.payload.body.billId, assessmentId: msg.payload.body.assessmentId,", StringComparison.Ordinal);
            using var json = new StringContent(flow, Encoding.UTF8, "application/json");
            await Ok(await client.PutAsync(new Uri("/api/v1/flows/hospital-credit", UriKind.Relative), json));
        }

        await Ok(await client.PostAsJsonAsync("/api/v1/flows/hospital-credit/deploy", new { comment = "benchmark" }));
        return (client, address, app, data);
    }

    private static async Task<Hub> StartHubAsync(Uri bank, bool outbox)
    {
        var (client, address, app, data) = await StartHubCoreAsync(bank, outbox);
        return new Hub(client, address, app, data);
    }

    private static async Task<string> AssessAsync(HttpClient hub)
    {
        var response = await hub.PostAsJsonAsync("/api/v1/capabilities/credit.assess", new { citizenId = "P-BENCH", hospitalId = "H-LUOHU-PEOPLES", amount = 1000m });
        await Ok(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assessmentId").GetString()!;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static async Task Ok(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private sealed record Hub(HttpClient Client, Uri Address, WebApplication App, string Data) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
