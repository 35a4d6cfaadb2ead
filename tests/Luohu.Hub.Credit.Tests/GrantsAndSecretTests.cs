using System.Net;
using System.Net.Http.Json;

namespace Luohu.Hub.Credit.Tests;

/// <summary>Who may call credit.*, and where the partner secret must never appear.</summary>
public sealed class GrantsAndSecretTests(CreditHubFixture fixture) : IClassFixture<CreditHubFixture>
{
    [Fact]
    public async Task TheHealthCommission_MayCallCredit_TheWaterBureau_MayNot()
    {
        using var health = await fixture.Hub.CreateClientAsync(["integrator"], ["health"]);
        using var water = await fixture.Hub.CreateClientAsync(["integrator"], ["water"]);
        var request = new { citizenId = "P-5001", hospitalId = "H-LUOHU-PEOPLES", amount = 1_000m };

        using var allowed = await health.PostAsJsonAsync("/api/v1/capabilities/credit.assess", request);
        using var denied = await water.PostAsJsonAsync("/api/v1/capabilities/credit.assess", request);
        using var deniedSettle = await water.PostAsJsonAsync("/api/v1/capabilities/credit.settle", new { idempotencyKey = "w-1", assessmentId = "AS-X", billId = "B-W", amount = 1m });

        await Luohu.Hub.Host.Tests.HubServer.EnsureSuccessAsync(allowed);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deniedSettle.StatusCode);
        Assert.Contains("credit.assess", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePartnerSecret_AppearsInNoApiResponse_LogLine_OrAuditEntry()
    {
        var hub = fixture.Hub.Client;
        var assessment = await fixture.Bank.AssessAsync("P-5002");
        await Luohu.Hub.Host.Tests.HubServer.EnsureSuccessAsync(await hub.PostAsJsonAsync("/api/v1/capabilities/credit.settle",
            new { idempotencyKey = "secret-1", assessmentId = assessment, billId = "B-SECRET", amount = 10m }));
        await fixture.Bank.SetFaultsAsync(failCount: 1);
        await hub.PostAsJsonAsync("/api/v1/capabilities/credit.query-settlement", new { settlementId = "ST-NONE" });
        await fixture.Bank.SetFaultsAsync();

        var responses = new List<string>
        {
            await hub.GetStringAsync(new Uri($"/api/v1/plugins/{CreditHubFixture.PluginId}/settings", UriKind.Relative)),
            await hub.GetStringAsync(new Uri($"/api/v1/plugins/{CreditHubFixture.PluginId}", UriKind.Relative)),
            await hub.GetStringAsync(new Uri("/api/v1/plugins", UriKind.Relative)),
            await hub.GetStringAsync(new Uri("/api/v1/capabilities", UriKind.Relative)),
            await hub.GetStringAsync(new Uri("/api/v1/audit?limit=1000", UriKind.Relative)),
            await hub.GetStringAsync(new Uri("/api/v1/outbox?take=500", UriKind.Relative)),
            await hub.GetStringAsync(new Uri("/healthz", UriKind.Relative)),
        };

        Assert.Contains("PartnerSecret", responses[0], StringComparison.Ordinal);
        Assert.All(responses, r => Assert.DoesNotContain(BankServer.Secret, r, StringComparison.Ordinal));
        Assert.Contains(fixture.Logs.Lines, line => line.Contains("System.Net.Http", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Logs.Lines, line => line.Contains(BankServer.Secret, StringComparison.Ordinal));
    }
}
