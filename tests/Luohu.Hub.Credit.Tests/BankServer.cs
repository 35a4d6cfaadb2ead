using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Luohu.Bank.Simulator;
using Luohu.Bank.Simulator.Signing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;

namespace Luohu.Hub.Credit.Tests;

/// <summary>The bank simulator on a real loopback socket with its own SQLite file, and a partner client that signs.</summary>
public sealed class BankServer : IAsyncDisposable
{
    public const string PartnerId = "luohu-hub";
    public const string Secret = "partner-secret-for-tests-0123456789abcdef";
    public const string AdminToken = "bank-admin-token-for-tests";

    private BankServer(WebApplication app, Uri baseAddress, string dataPath)
    {
        App = app;
        BaseAddress = baseAddress;
        DataPath = dataPath;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Add("X-Admin-Token", AdminToken);
    }

    public WebApplication App { get; }
    public Uri BaseAddress { get; }
    public string DataPath { get; }
    public string DatabasePath => Path.Combine(DataPath, "bank.db");
    public HttpClient Client { get; }

    public static async Task<BankServer> StartAsync(decimal creditLine = 50_000m)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "luohu-bank-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        var app = BankSimulator.Create(
        [
            "--urls=http://127.0.0.1:0",
            $"--contentRoot={dataPath}",
            $"--Bank:DataPath={dataPath}",
            $"--Bank:Partners:{PartnerId}={Secret}",
            $"--Bank:AdminToken={AdminToken}",
            $"--Bank:CreditLine={creditLine.ToString(CultureInfo.InvariantCulture)}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BankServer(app, new Uri(address), dataPath);
    }

    /// <summary>Sends a partner request signed with <paramref name="secret"/> at <paramref name="at"/> (now by default).</summary>
    public async Task<HttpResponseMessage> SendSignedAsync(HttpMethod method, string path, object? body, string secret = Secret, DateTimeOffset? at = null)
    {
        using var request = SignedRequest(method, path, body, secret, at);
        return await Client.SendAsync(request);
    }

    public static HttpRequestMessage SignedRequest(HttpMethod method, string path, object? body, string secret = Secret, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        var bytes = body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web);
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes) { Headers = { { "Content-Type", "application/json" } } };
        }

        request.Headers.Add(PartnerSignature.PartnerHeader, PartnerId);
        request.Headers.Add(PartnerSignature.TimestampHeader, timestamp);
        request.Headers.Add(PartnerSignature.SignatureHeader, PartnerSignature.Compute(secret, timestamp, method.Method, path, bytes));
        return request;
    }

    /// <summary>An approved assessment straight at the bank (for tests that only settle).</summary>
    public async Task<string> AssessAsync(string applicant = "P-1001", decimal amount = 1_000m)
    {
        var response = await SendSignedAsync(HttpMethod.Post, "/v1/assessments", new { applicantId = applicant, hospitalId = "H-LUOHU-PEOPLES", amount, currency = "CNY" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("approved", body.GetProperty("decision").GetString());
        return body.GetProperty("assessmentId").GetString()!;
    }

    public async Task SetFaultsAsync(int failCount = 0, int slowCount = 0, int slowMs = 0, int dropAfterCommitCount = 0)
    {
        var response = await Client.PutAsJsonAsync("/admin/faults", new { failCount, slowCount, slowMs, dropAfterCommitCount });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Settlements per bill, read from the bank's own database file.</summary>
    public Dictionary<string, long> SettlementsPerBill()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT bill_id, COUNT(*) FROM settlements GROUP BY bill_id";
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    public long SettlementsOf(string billId) => SettlementsPerBill().GetValueOrDefault(billId);

    public static string Describe(Dictionary<string, long> counts) =>
        new StringBuilder().AppendJoin(", ", counts.Where(c => c.Value != 1).Select(c => $"{c.Key}×{c.Value}")).ToString();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // Reclaimed with the temp folder.
        }
    }
}
