using System.Net.Http.Json;
using System.Text.Json;
using Luohu.Hub.Host.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luohu.Hub.Designer.Tests.Ops;

/// <summary>
/// The Plugins page's vendors panel in Chromium against the real hub with both AI vendors bundled: ops choose the
/// serving and shadow vendor of ai.classify-complaint live, the comparison shows, in zh-Hans and en; a viewer only reads.
/// </summary>
public sealed class VendorsPanelTests(DesignerHub hub) : IClassFixture<DesignerHub>
{
    private const string Classify = "ai.classify-complaint";
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 30_000 };

    [Fact]
    public async Task Ops_choose_the_serving_and_shadow_vendor_and_see_the_comparison()
    {
        await hub.Server.CreateUserAsync("vendors-ops", ["ops"], []);
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "vendors-ops", HubServer.UserPassword);
        await page.GotoAsync("/plugins");
        var row = page.Locator($"[data-testid=vendors-table] tr[data-capability='{Classify}']");
        await Expect(row).ToBeVisibleAsync(Slow);

        await row.GetByTestId("vendor-serving").SelectOptionAsync("wutong.ai");
        await Expect(row.GetByTestId("vendor-saved")).ToHaveTextAsync("供应商选择已保存");
        await row.GetByTestId("vendor-shadow").SelectOptionAsync("pengcheng.ai");

        // The note of the first save is still shown while the second one runs: the hub's answer is what counts.
        var view = default(JsonElement);
        await Poll.UntilAsync(async () =>
        {
            view = await hub.Server.GetJsonAsync<JsonElement>($"/api/v1/vendors/{Classify}");
            return view.GetProperty("shadow").GetString() == "pengcheng.ai";
        }, "the shadow vendor chosen on the page is the hub's");
        Assert.Equal("wutong.ai", view.GetProperty("chosen").GetString());
        await Expect(row.GetByTestId("vendor-saved")).ToHaveTextAsync("供应商选择已保存");

        foreach (var text in new[] { "楼下餐馆油烟太大，晚上还占道经营", "孩子学校的午餐分量太少", "自来水发黄有铁锈味" })
        {
            await HubServer.EnsureSuccessAsync(await hub.Server.Client.PostAsJsonAsync($"/api/v1/capabilities/{Classify}", new { text }));
        }

        await Expect(row.GetByTestId("vendor-agreement")).ToContainTextAsync("3 次中", new() { Timeout = 30_000 });
        await Expect(row.GetByTestId("vendor-agreement")).ToContainTextAsync("分派到同一部门");
        await DesignerHub.ScreenshotAsync(page, "ops-30-vendors-zh");

        await page.GetByTestId("language-switch").Locator("button[value=en]").ClickAsync();
        await Expect(page.GetByTestId("vendors-panel").Locator("h2")).ToHaveTextAsync("Vendors of shared capabilities", new() { Timeout = 30_000 });
        await Expect(page.Locator($"[data-testid=vendors-table] tr[data-capability='{Classify}'] [data-testid=vendor-agreement]")).ToContainTextAsync("of 3", new() { Timeout = 30_000 });
        await Expect(page.Locator($"[data-testid=vendors-table] tr[data-capability='{Classify}'] [data-testid=vendor-agreement]")).ToContainTextAsync("the same department");
        await DesignerHub.ScreenshotAsync(page, "ops-31-vendors-en");

        await HubServer.EnsureSuccessAsync(await hub.Server.Client.PutAsJsonAsync($"/api/v1/vendors/{Classify}", new { serving = (string?)null, shadow = (string?)null }));
    }

    [Fact]
    public async Task A_viewer_reads_the_vendors_without_choosing()
    {
        await hub.Server.CreateUserAsync("vendors-viewer", ["viewer"], ["urban"]);
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "vendors-viewer", HubServer.UserPassword);
        await page.GotoAsync("/plugins");
        var row = page.Locator($"[data-testid=vendors-table] tr[data-capability='{Classify}']");
        await Expect(row).ToBeVisibleAsync(Slow);
        await Expect(row.GetByTestId("vendor-serving")).ToHaveCountAsync(0);
    }
}
