using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Luohu.Hub.Credit.Tests;

/// <summary>The bank refuses what is not signed by the partner secret, or signed too long ago, saying why.</summary>
public sealed class SignatureTests : IAsyncLifetime
{
    private BankServer bank = null!;

    public async Task InitializeAsync() => bank = await BankServer.StartAsync();

    public async Task DisposeAsync() => await bank.DisposeAsync();

    [Fact]
    public async Task ARequestSignedWithAnotherSecret_Is401SignatureInvalid()
    {
        using var response = await bank.SendSignedAsync(HttpMethod.Post, "/v1/assessments",
            new { applicantId = "P-1", hospitalId = "H-1", amount = 10m }, secret: "not-the-partner-secret-0123456789abcdef");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("SIGNATURE_INVALID", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ARequestSignedTenMinutesAgo_Is401TimestampStale()
    {
        using var response = await bank.SendSignedAsync(HttpMethod.Post, "/v1/assessments",
            new { applicantId = "P-1", hospitalId = "H-1", amount = 10m }, at: DateTimeOffset.UtcNow.AddMinutes(-10));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("TIMESTAMP_STALE", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnUnsignedRequest_Is401SignatureMissing_AndChangesNothing()
    {
        using var response = await bank.Client.PostAsJsonAsync("/v1/settlements", new { idempotencyKey = "k", assessmentId = "AS-1", billId = "B-1", amount = 1m });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("SIGNATURE_MISSING", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Empty(bank.SettlementsPerBill());
    }

    [Fact]
    public async Task ABodyChangedAfterSigning_Is401SignatureInvalid()
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/assessments")
        {
            Content = JsonContent.Create(new { applicantId = "P-1", hospitalId = "H-1", amount = 99_999m }),
        };
        request.Headers.Add("X-Partner-Id", BankServer.PartnerId);
        request.Headers.Add("X-Timestamp", timestamp);
        request.Headers.Add("X-Signature", Luohu.Bank.Simulator.Signing.PartnerSignature.Compute(BankServer.Secret, timestamp, "POST", "/v1/assessments",
            JsonSerializer.SerializeToUtf8Bytes(new { applicantId = "P-1", hospitalId = "H-1", amount = 10m }, JsonSerializerOptions.Web)));

        using var response = await bank.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("SIGNATURE_INVALID", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ASettlement_SurvivesTheBanksRestart()
    {
        var assessment = await bank.AssessAsync("P-RESTART");
        using var settled = await bank.SendSignedAsync(HttpMethod.Post, "/v1/settlements", new { idempotencyKey = "restart-1", assessmentId = assessment, billId = "B-RESTART", amount = 12.5m });
        settled.EnsureSuccessStatusCode();
        var id = (await settled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("settlementId").GetString();
        await bank.App.StopAsync();

        await using var again = Luohu.Bank.Simulator.BankSimulator.Create(
        [
            "--urls=http://127.0.0.1:0", $"--contentRoot={bank.DataPath}", $"--Bank:DataPath={bank.DataPath}",
            $"--Bank:Partners:{BankServer.PartnerId}={BankServer.Secret}", "--Logging:LogLevel:Default=Warning",
        ]);
        await again.StartAsync();
        var address = again.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var request = BankServer.SignedRequest(HttpMethod.Get, $"/v1/settlements/{id}", null);
        using var read = await client.SendAsync(request);
        await again.StopAsync();

        read.EnsureSuccessStatusCode();
        Assert.Equal("settled", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }
}
