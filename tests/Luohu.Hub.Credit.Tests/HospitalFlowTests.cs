using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Luohu.Hub.Host.Tests;

namespace Luohu.Hub.Credit.Tests;

/// <summary>
/// samples/flows/hospital-credit.json, imported at the hub's first start, deployed once the bank plugin is installed:
/// registration → credit.assess → rule → approved/declined with the reason; discharge → credit.settle through the outbox.
/// </summary>
public sealed class HospitalFlowTests(CreditHubFixture fixture) : IClassFixture<CreditHubFixture>, IAsyncLifetime
{
    private HubServer Hub => fixture.Hub;
    private HttpClient Anonymous => Hub.BareClient;

    public async Task InitializeAsync()
    {
        var summary = (await Hub.GetJsonAsync<JsonElement>("/api/v1/flows")).EnumerateArray().Single(f => f.GetProperty("id").GetString() == "hospital-credit");
        if (summary.GetProperty("state").GetString() == "deployed")
        {
            return;
        }

        await HubServer.EnsureSuccessAsync(await Hub.Client.PostAsJsonAsync("/api/v1/flows/hospital-credit/deploy", new { comment = "bank plugin installed" }));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ARegistration_WithinTheLineAndNotFlagged_IsApproved()
    {
        var (status, reply) = await HospitalHooks.SendAsync(Anonymous, "hospital/registration", Registration("R-1", "P-4001", 8_600m, flagged: false));

        Assert.Equal(200, status);
        Assert.Equal("approved", reply.GetProperty("decision").GetString());
        Assert.Equal(50_000m, reply.GetProperty("line").GetDecimal());
        Assert.StartsWith("AS-", reply.GetProperty("assessmentId").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P-4002", 2_000, true, "APPLICANT_FLAGGED")]
    [InlineData("P-4003", 60_000, false, "LINE_BELOW_ESTIMATED_COST")]
    [InlineData("BLK-4004", 2_000, false, "APPLICANT_BLACKLISTED")]
    public async Task ARegistration_IsDeclined_WithTheReason(string patient, int cost, bool flagged, string reason)
    {
        var (status, reply) = await HospitalHooks.SendAsync(Anonymous, "hospital/registration", Registration("R-2", patient, cost, flagged));

        Assert.Equal(200, status);
        Assert.Equal("declined", reply.GetProperty("decision").GetString());
        Assert.Equal(reason, reply.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ADischarge_RetriedWithTheSameIdempotencyKey_IsSettledOnce_AndAuditedWithTheFlowVersion()
    {
        var assessment = await ApprovedAssessmentAsync("P-4010");
        var bill = new { registrationId = "R-10", assessmentId = assessment, billId = "BILL-4010", amount = 7_345.5m };

        var (firstStatus, first) = await HospitalHooks.SendAsync(Anonymous, "hospital/discharge", bill, idempotencyKey: "his-discharge-4010");
        var (secondStatus, second) = await HospitalHooks.SendAsync(Anonymous, "hospital/discharge", bill, idempotencyKey: "his-discharge-4010");

        Assert.Equal(200, firstStatus);
        Assert.Equal(200, secondStatus);
        Assert.Equal(first.GetProperty("settlementId").GetString(), second.GetProperty("settlementId").GetString());
        Assert.Equal(1, fixture.Bank.SettlementsOf("BILL-4010"));

        var entries = await Hub.GetJsonAsync<JsonElement>("/api/v1/outbox?state=completed");
        var entry = entries.EnumerateArray().Single(e => e.GetProperty("input").GetProperty("billId").GetString() == "BILL-4010");
        var version = (await Hub.GetJsonAsync<JsonElement>("/api/v1/flows")).EnumerateArray()
            .Single(f => f.GetProperty("id").GetString() == "hospital-credit").GetProperty("deployedVersion").GetInt32();
        Assert.Equal(version, entry.GetProperty("flowVersion").GetInt32());
        Assert.Equal("settle", entry.GetProperty("nodeId").GetString());
        Assert.Equal(1, entry.GetProperty("attempts").GetInt32());

        var audit = await Hub.GetJsonAsync<JsonElement>("/api/v1/audit?action=capability.call&target=credit.settle&limit=100");
        var call = audit.GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("after").GetString()!.Contains(entry.GetProperty("key").GetString()!, StringComparison.Ordinal));
        Assert.Equal("flow:hospital-credit", call.GetProperty("actor").GetString());
        Assert.Contains($"\"flowVersion\":{version}", call.GetProperty("after").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryAssessment_IsAuditedWithTheFlowVersion()
    {
        await HospitalHooks.SendAsync(Anonymous, "hospital/registration", Registration("R-11", "P-4011", 1_000m, flagged: false));

        var audit = await Hub.GetJsonAsync<JsonElement>("/api/v1/audit?action=capability.call&target=credit.assess&limit=100");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e =>
            e.GetProperty("actor").GetString() == "flow:hospital-credit" && e.GetProperty("after").GetString()!.Contains("\"nodeId\":\"assess\"", StringComparison.Ordinal)
            && e.GetProperty("after").GetString()!.Contains("\"flowVersion\":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABillAboveTheLine_IsRefused_AndWaitsForOps_WhoResolveIt_Audited()
    {
        var assessment = await ApprovedAssessmentAsync("P-4020");
        var (status, reply) = await HospitalHooks.SendAsync(Anonymous, "hospital/discharge",
            new { registrationId = "R-20", assessmentId = assessment, billId = "BILL-4020", amount = 80_000m }, idempotencyKey: "his-discharge-4020");
        Assert.Equal(502, status);
        Assert.Contains("LINE_EXCEEDED", reply.GetProperty("error").GetString(), StringComparison.Ordinal);

        using var ops = await Hub.CreateClientAsync(["ops"], ["health"]);
        using var editor = await Hub.CreateClientAsync(["editor"], ["health"]);
        using var waterOps = await Hub.CreateClientAsync(["ops"], ["water"]);
        var failed = await ops.GetFromJsonAsync<JsonElement>("/api/v1/outbox?state=failed");
        var key = failed.EnumerateArray().Single(e => e.GetProperty("input").GetProperty("billId").GetString() == "BILL-4020").GetProperty("key").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(new Uri("/api/v1/outbox", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await waterOps.GetAsync(new Uri($"/api/v1/outbox/{key}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ops.PostAsJsonAsync($"/api/v1/outbox/{key}/resolve", new { })).StatusCode);

        var resolved = await ops.PostAsJsonAsync($"/api/v1/outbox/{key}/resolve", new { note = "Bill split by the hospital; settled as BILL-4020a." });
        var again = await ops.PostAsJsonAsync($"/api/v1/outbox/{key}/retry", new { });

        await HubServer.EnsureSuccessAsync(resolved);
        Assert.Equal("resolved", (await resolved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var audit = await Hub.GetJsonAsync<JsonElement>($"/api/v1/audit?action=outbox.*&target={key}&limit=10");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "outbox.resolve" && e.GetProperty("outcome").GetString() == "ok");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "outbox.retry" && e.GetProperty("outcome").GetString() == "failed");
        Assert.Equal(0, fixture.Bank.SettlementsOf("BILL-4020"));
    }

    [Fact]
    public async Task ABankThatFailsOnce_LeavesTheEntryPending_AndOpsRetryWithTheSameKey()
    {
        var assessment = await ApprovedAssessmentAsync("P-4030");
        await fixture.Bank.SetFaultsAsync(failCount: 8);
        try
        {
            var (status, _) = await HospitalHooks.SendAsync(Anonymous, "hospital/discharge",
                new { registrationId = "R-30", assessmentId = assessment, billId = "BILL-4030", amount = 120m }, idempotencyKey: "his-discharge-4030");
            Assert.Equal(502, status);
        }
        finally
        {
            await fixture.Bank.SetFaultsAsync();
        }

        var pending = await Hub.GetJsonAsync<JsonElement>("/api/v1/outbox?state=pending");
        var entry = pending.EnumerateArray().SingleOrDefault(e => e.GetProperty("input").GetProperty("billId").GetString() == "BILL-4030");
        if (entry.ValueKind == JsonValueKind.Object)
        {
            var retried = await Hub.Client.PostAsJsonAsync($"/api/v1/outbox/{entry.GetProperty("key").GetString()}/retry", new { });
            Assert.True(retried.IsSuccessStatusCode || retried.StatusCode == HttpStatusCode.Conflict, $"retry answered {(int)retried.StatusCode}");
        }

        await Poll.UntilAsync(() => fixture.Bank.SettlementsOf("BILL-4030") == 1, "the pending settlement is made once, by ops' retry or the sweep, with its key");
        var (_, replay) = await HospitalHooks.SendAsync(Anonymous, "hospital/discharge",
            new { registrationId = "R-30", assessmentId = assessment, billId = "BILL-4030", amount = 120m }, idempotencyKey: "his-discharge-4030");
        Assert.StartsWith("ST-", replay.GetProperty("settlementId").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, fixture.Bank.SettlementsOf("BILL-4030"));
    }

    private async Task<string> ApprovedAssessmentAsync(string patient)
    {
        var (_, reply) = await HospitalHooks.SendAsync(Anonymous, "hospital/registration", Registration("R-" + patient, patient, 5_000m, flagged: false));
        Assert.Equal("approved", reply.GetProperty("decision").GetString());
        return reply.GetProperty("assessmentId").GetString()!;
    }

    private static object Registration(string registration, string patient, decimal cost, bool flagged) =>
        new { registrationId = registration, patientId = patient, hospitalId = "H-LUOHU-PEOPLES", estimatedCost = cost, flagged };
}
