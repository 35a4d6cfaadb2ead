using Luohu.Hub.Host.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luohu.Hub.Designer.Tests.Ops;

/// <summary>The Audit page in Chromium against the real hub: entries, the action filter, chain verification, roles.</summary>
public sealed class AuditPageTests(DesignerHub hub) : IClassFixture<DesignerHub>
{
    private const string OpsUser = "audit-ops";
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions SlowContains = new() { Timeout = 30_000 };

    [Fact]
    public async Task Ops_see_a_plugin_reload_and_filtering_by_action_narrows_the_list()
    {
        await ReloadParkingAsync();
        var page = await SignedInOpsAsync();
        var reload = page.Locator("tr[data-audit-action='plugin.reload']").First;
        await Expect(reload).ToContainTextAsync("重新加载插件", SlowContains);
        await Expect(reload).ToContainTextAsync("luohu.parking");
        await Expect(reload.GetByTestId("audit-outcome")).ToHaveTextAsync("成功");
        Assert.True(await page.Locator("tr[data-audit-action]:not([data-audit-action='plugin.reload'])").CountAsync() > 0,
            "before filtering the log holds other actions too (sign-ins, the install of the sample plugins)");
        await reload.GetByTestId("audit-before-after").Locator("summary").ClickAsync();
        await DesignerHub.ScreenshotAsync(page, "ops-10-audit-zh");

        await page.GetByTestId("audit-filter-action").FillAsync("plugin.reload");
        await page.GetByTestId("audit-filter-apply").ClickAsync();

        await Expect(page.Locator("tr[data-audit-action]:not([data-audit-action='plugin.reload'])")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Expect(page.Locator("tr[data-audit-action='plugin.reload']").First).ToBeVisibleAsync();
        await DesignerHub.ScreenshotAsync(page, "ops-11-audit-filtered-zh");

        await page.GetByTestId("audit-filter-clear").ClickAsync();
        await Expect(page.GetByTestId("audit-filter-action")).ToHaveValueAsync(string.Empty);
        await Expect(page.Locator("tr[data-audit-action]:not([data-audit-action='plugin.reload'])").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_says_so()
    {
        var page = await SignedInOpsAsync();
        await Expect(page.GetByTestId("audit-entry").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.GetByTestId("audit-filter-actor").FillAsync("nobody-at-all");
        await page.GetByTestId("audit-filter-apply").ClickAsync();

        await Expect(page.GetByTestId("audit-empty")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Date_filters_are_whole_days_on_the_users_clock()
    {
        var page = await SignedInOpsAsync();
        await Expect(page.GetByTestId("audit-entry").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // Chromium runs on this machine, so its "today" is the machine's.
        var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);

        await page.GetByTestId("audit-filter-to").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("audit-filter-apply").ClickAsync();
        await Expect(page.GetByTestId("audit-empty")).ToBeVisibleAsync();

        await page.GetByTestId("audit-filter-to").FillAsync(string.Empty);
        await page.GetByTestId("audit-filter-from").FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("audit-filter-apply").ClickAsync();
        await Expect(page.GetByTestId("audit-entry").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Verify_says_the_chain_is_intact()
    {
        var page = await SignedInOpsAsync();
        await Expect(page.GetByTestId("audit-entry").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.GetByTestId("audit-verify").ClickAsync();

        await Expect(page.GetByTestId("audit-verify-result")).ToContainTextAsync("哈希链完整", SlowContains);
    }

    [Fact]
    public async Task A_viewer_gets_the_ops_role_message_and_no_entries()
    {
        await hub.Server.CreateUserAsync("audit-viewer", ["viewer"], ["water"]);
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "audit-viewer", HubServer.UserPassword);

        await page.GotoAsync("/audit");

        await Expect(page.GetByTestId("audit-forbidden")).ToContainTextAsync("运维（ops）角色");
        await Expect(page.GetByTestId("audit-table")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("audit-filters")).ToHaveCountAsync(0);
        await DesignerHub.ScreenshotAsync(page, "ops-12-audit-viewer-zh");
    }

    [Fact]
    public async Task The_audit_page_speaks_English()
    {
        await ReloadParkingAsync();
        var page = await SignedInOpsAsync();
        await page.GetByTestId("language-switch").Locator("button[value=en]").ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Audit log");
        var reload = page.Locator("tr[data-audit-action='plugin.reload']").First;
        await Expect(reload).ToContainTextAsync("Plugin reloaded", SlowContains);
        await page.GetByTestId("audit-verify").ClickAsync();
        await Expect(page.GetByTestId("audit-verify-result")).ToContainTextAsync("The chain is intact", SlowContains);
        await reload.GetByTestId("audit-before-after").Locator("summary").ClickAsync();
        await DesignerHub.ScreenshotAsync(page, "ops-13-audit-en");
    }

    [Fact]
    public async Task Older_entries_are_appended_below_page_by_page_until_the_oldest()
    {
        // Sixty refused calls by a viewer: each one is an access.denied entry, more than one page of fifty.
        using var viewer = await hub.Server.CreateClientAsync(["viewer"], ["water"]);
        for (var i = 0; i < 60; i++)
        {
            await viewer.PostAsync(new Uri("/api/v1/plugins/luohu.parking/reload", UriKind.Relative), null);
        }

        var page = await SignedInOpsAsync();
        var rows = page.GetByTestId("audit-entry");
        await Expect(rows).ToHaveCountAsync(50, new() { Timeout = 30_000 });
        var newest = await rows.First.GetAttributeAsync("data-audit-sequence");

        // Other tests of this class add entries too: follow "older" until the oldest, each page appended below.
        do
        {
            var shown = await rows.CountAsync();
            await page.GetByTestId("audit-older").ClickAsync();
            await Expect(rows).Not.ToHaveCountAsync(shown, new() { Timeout = 30_000 });
        }
        while (await page.GetByTestId("audit-end").CountAsync() == 0);

        Assert.True(await rows.CountAsync() > 60, "the older pages are appended below the first");
        Assert.Equal(newest, await rows.First.GetAttributeAsync("data-audit-sequence"));
        await Expect(rows.Last).ToHaveAttributeAsync("data-audit-sequence", "1");
    }

    private async Task<IPage> SignedInOpsAsync()
    {
        await hub.Server.CreateUserAsync(OpsUser, ["ops"], []);
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, OpsUser, HubServer.UserPassword);
        await page.GotoAsync("/audit");
        return page;
    }

    private async Task ReloadParkingAsync() =>
        await HubServer.EnsureSuccessAsync(await hub.Server.Client.PostAsync(new Uri("/api/v1/plugins/luohu.parking/reload", UriKind.Relative), null));
}
