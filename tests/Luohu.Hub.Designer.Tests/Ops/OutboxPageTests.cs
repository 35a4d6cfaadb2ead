using Luohu.Hub.Host.Tests;
using Luohu.Hub.Runtime.Outbox;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luohu.Hub.Designer.Tests.Ops;

/// <summary>The Outbox page in Chromium against the real hub: pending and failed entries, resolve with a note, both languages, roles.</summary>
public sealed class OutboxPageTests(DesignerHub hub) : IClassFixture<DesignerHub>
{
    private const string OpsUser = "outbox-ops";
    private static readonly LocatorAssertionsToContainTextOptions SlowContains = new() { Timeout = 30_000 };

    [Fact]
    public async Task Ops_see_the_failed_entry_resolve_it_with_a_note_and_the_audit_has_it()
    {
        var key = await RecordAsync("failed", "BILL-UI-1", "InvalidInput: The bank refused (LINE_EXCEEDED: the bill exceeds the line).");
        await RecordAsync("pending", "BILL-UI-2", "Failed: The bank did not answer POST /v1/settlements.");
        var page = await SignedInOpsAsync();

        await Expect(page.GetByTestId("outbox-count-failed")).ToContainTextAsync("条失败", SlowContains);
        await Expect(page.Locator("tr[data-outbox-state='pending']").First).ToContainTextAsync("credit.settle", SlowContains);
        await DesignerHub.ScreenshotAsync(page, "ops-20-outbox-pending-zh");

        await page.GetByTestId("outbox-tab-failed").ClickAsync();
        var row = page.Locator($"tr[data-outbox-key='{key}']");
        await Expect(row).ToContainTextAsync("LINE_EXCEEDED", SlowContains);
        await row.GetByTestId("outbox-details").Locator("summary").ClickAsync();
        await DesignerHub.ScreenshotAsync(page, "ops-21-outbox-failed-zh");
        await row.GetByTestId("outbox-resolve").ClickAsync();
        await row.GetByTestId("outbox-note-input").FillAsync("账单已由医院拆分，另行结算。");
        await row.GetByTestId("outbox-resolve-confirm").ClickAsync();

        await Expect(page.GetByTestId("outbox-note")).ToContainTextAsync("已人工处理", SlowContains);
        await Expect(page.Locator($"tr[data-outbox-key='{key}']")).ToHaveCountAsync(0);
        var entry = await hub.Server.Services.GetRequiredService<IOutboxStore>().GetAsync(key, CancellationToken.None);
        Assert.Equal(OutboxStates.Resolved, entry!.State);
        var audit = await hub.Server.GetJsonAsync<System.Text.Json.JsonElement>($"/api/v1/audit?action=outbox.resolve&target={key}");
        Assert.Equal(OpsUser, audit.GetProperty("entries")[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task The_outbox_page_speaks_English()
    {
        await RecordAsync("failed", "BILL-UI-3", "Failed: The bank failed on POST /v1/settlements (503 BANK_UNAVAILABLE).");
        var page = await SignedInOpsAsync();
        await page.GetByTestId("language-switch").Locator("button[value=en]").ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Outbox");
        await Expect(page.GetByTestId("outbox-count-pending")).ToContainTextAsync("pending", SlowContains);
        await page.GetByTestId("outbox-tab-failed").ClickAsync();
        await Expect(page.Locator("tr[data-outbox-state='failed']").First).ToContainTextAsync("Failed", SlowContains);
        await DesignerHub.ScreenshotAsync(page, "ops-22-outbox-failed-en");
    }

    [Fact]
    public async Task A_viewer_gets_the_ops_role_message_and_no_entries()
    {
        await hub.Server.CreateUserAsync("outbox-viewer", ["viewer"], ["health"]);
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "outbox-viewer", HubServer.UserPassword);

        await page.GotoAsync("/outbox");

        await Expect(page.GetByTestId("outbox-forbidden")).ToContainTextAsync("运维（ops）角色");
        await Expect(page.GetByTestId("outbox-table")).ToHaveCountAsync(0);
    }

    private async Task<IPage> SignedInOpsAsync()
    {
        await hub.Server.CreateUserAsync(OpsUser, ["ops"], ["health"]);
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, OpsUser, HubServer.UserPassword);
        await page.GotoAsync("/outbox");
        return page;
    }

    // Entries as the outbox records them for the hospital flow's settle node; the page reads them through the API.
    private async Task<string> RecordAsync(string state, string bill, string error)
    {
        var store = hub.Server.Services.GetRequiredService<IOutboxStore>();
        var now = TimeProvider.System.GetUtcNow();
        var key = OutboxKeys.Derive("hospital-credit", "settle", "key:hooks/health/hospital/discharge/" + bill, null);
        await store.AddAsync(new OutboxEntry
        {
            Key = key, Capability = "credit.settle", FlowId = "hospital-credit", FlowVersion = 2, NodeId = "settle", MessageId = bill,
            Department = "health", CorrelationId = bill, State = OutboxStates.Pending, CreatedAt = now, UpdatedAt = now,
            Input = $$"""{"assessmentId":"AS-01JF3K","billId":"{{bill}}","amount":80000,"currency":"CNY","idempotencyKey":"{{key}}"}""",
        }, CancellationToken.None);
        await store.RecordErrorAsync(key, error, failed: state == "failed", now, CancellationToken.None);
        return key;
    }
}
