using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Luohu.Hub.Credit.Tests;

/// <summary>The plugin against the bank over real HTTP, called through the hub's capability API.</summary>
public sealed class BankCreditTests(CreditHubFixture fixture) : IClassFixture<CreditHubFixture>, IAsyncLifetime
{
    private BankServer Bank => fixture.Bank;
    private HttpClient Hub => fixture.Hub.Client;

    public Task InitializeAsync() => Bank.SetFaultsAsync();

    public Task DisposeAsync() => Bank.SetFaultsAsync();

    [Fact]
    public async Task Assess_ApprovesWithinPolicy_WithLineExpiryAndReason()
    {
        var answer = await CallAsync("credit.assess", new { citizenId = "P-2001", hospitalId = "H-LUOHU-PEOPLES", amount = 12_000m, currency = "CNY" });

        Assert.True(answer.GetProperty("approved").GetBoolean());
        Assert.Equal(50_000m, answer.GetProperty("creditLimit").GetDecimal());
        Assert.Equal("WITHIN_POLICY", answer.GetProperty("reason").GetString());
        Assert.True(answer.GetProperty("validUntil").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(2));
        Assert.StartsWith("AS-", answer.GetProperty("assessmentId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_DeclinesAnApplicantOnTheBanksList_WithTheReasonCode()
    {
        var answer = await CallAsync("credit.assess", new { citizenId = "BLK-3001", hospitalId = "H-LUOHU-PEOPLES", amount = 800m });

        Assert.False(answer.GetProperty("approved").GetBoolean());
        Assert.Equal(0m, answer.GetProperty("creditLimit").GetDecimal());
        Assert.Equal("APPLICANT_BLACKLISTED", answer.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Settle_ABillAboveTheLine_Is400NamingAmountAndTheBanksCode()
    {
        var assessment = await Bank.AssessAsync("P-2002");

        using var response = await Hub.PostAsJsonAsync("/api/v1/capabilities/credit.settle",
            new { idempotencyKey = "above-line-1", assessmentId = assessment, billId = "BILL-ABOVE", amount = 50_000.01m });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("LINE_EXCEEDED", problem, StringComparison.Ordinal);
        Assert.Contains("amount", problem, StringComparison.Ordinal);
        Assert.Equal(0, Bank.SettlementsOf("BILL-ABOVE"));
    }

    [Fact]
    public async Task Settle_TheSameKeyTwice_IsOneSettlement()
    {
        var assessment = await Bank.AssessAsync("P-2003");
        var request = new { idempotencyKey = "same-key-1", assessmentId = assessment, billId = "BILL-TWICE", amount = 300m };

        var first = await CallAsync("credit.settle", request);
        var second = await CallAsync("credit.settle", request);

        Assert.Equal(first.GetProperty("settlementId").GetString(), second.GetProperty("settlementId").GetString());
        Assert.Equal(1, Bank.SettlementsOf("BILL-TWICE"));
    }

    [Fact]
    public async Task BankSlow_TheAttemptTimesOut_TheRetryCarriesTheSameKey_OneSettlement()
    {
        var assessment = await Bank.AssessAsync("P-2004");
        await Bank.SetFaultsAsync(slowCount: 1, slowMs: 2_500);

        var settlement = await CallAsync("credit.settle", new { idempotencyKey = "slow-1", assessmentId = assessment, billId = "BILL-SLOW", amount = 420m });

        Assert.Equal("slow-1", settlement.GetProperty("idempotencyKey").GetString());
        Assert.Equal("settled", settlement.GetProperty("status").GetString());
        Assert.Equal(0, (await Bank.Client.GetFromJsonAsync<JsonElement>("/admin/faults")).GetProperty("slowCount").GetInt32());
        Assert.Equal(1, Bank.SettlementsOf("BILL-SLOW"));
    }

    [Fact]
    public async Task BankCommitsThenDropsTheConnection_TheRetryFindsTheExistingSettlement()
    {
        var assessment = await Bank.AssessAsync("P-2005");
        await Bank.SetFaultsAsync(dropAfterCommitCount: 1);

        var settlement = await CallAsync("credit.settle", new { idempotencyKey = "drop-1", assessmentId = assessment, billId = "BILL-DROP", amount = 999.99m });

        Assert.Equal(999.99m, settlement.GetProperty("amount").GetDecimal());
        Assert.Equal(0, (await Bank.Client.GetFromJsonAsync<JsonElement>("/admin/faults")).GetProperty("dropAfterCommitCount").GetInt32());
        Assert.Equal(1, Bank.SettlementsOf("BILL-DROP"));
    }

    [Fact]
    public async Task BankUnavailableOnce_TheSafeCallIsRetried()
    {
        await Bank.SetFaultsAsync(failCount: 1);

        using var response = await Hub.PostAsJsonAsync("/api/v1/capabilities/credit.query-settlement", new { settlementId = "ST-UNKNOWN" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("SETTLEMENT_UNKNOWN", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAndReverse_ReadTheSettlement_AndReverseItOnce()
    {
        var assessment = await Bank.AssessAsync("P-2006");
        var settled = await CallAsync("credit.settle", new { idempotencyKey = "reverse-1", assessmentId = assessment, billId = "BILL-REVERSE", amount = 50m });
        var id = settled.GetProperty("settlementId").GetString();

        var read = await CallAsync("credit.query-settlement", new { settlementId = id });
        var reversed = await CallAsync("credit.reverse", new { settlementId = id });
        var again = await CallAsync("credit.reverse", new { settlementId = id });

        Assert.Equal("settled", read.GetProperty("status").GetString());
        Assert.Equal("reversed", reversed.GetProperty("status").GetString());
        Assert.Equal("reversed", again.GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheBanksHealthCheck_PingsTheBankWithASignedRequest_AndIsHealthy()
    {
        await Poll.UntilAsync(async () =>
            (await Hub.GetFromJsonAsync<JsonElement>($"/api/v1/plugins/{CreditHubFixture.PluginId}")).GetProperty("health").GetString() == "Healthy",
            "the bank credit plugin's health check (a signed ping) reports Healthy");
    }

    private async Task<JsonElement> CallAsync(string capability, object input)
    {
        using var response = await Hub.PostAsJsonAsync($"/api/v1/capabilities/{capability}", input);
        await Luohu.Hub.Host.Tests.HubServer.EnsureSuccessAsync(response);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.TryGetProperty("output", out var output) ? output : body;
    }
}
