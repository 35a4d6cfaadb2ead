using Luohu.Hub.Host.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luohu.Hub.Designer.Tests.Rules;

/// <summary>The rule editor in Chromium against the real hub: samples, the tree, validation at the field, the test panel.</summary>
public sealed class RulesPageTests(DesignerHub hub) : IClassFixture<DesignerHub>
{
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 30_000 };

    [Fact]
    public async Task The_parking_sample_runs_a_passing_and_a_failing_case_and_shows_the_result_tree()
    {
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword);
        await OpenSampleAsync(page, "parking-nearly-full");

        await Expect(page.Locator("[data-rule-name=CarParkNearlyFull] [data-testid=rule-node]")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("rules-status")).ToHaveTextAsync("没有问题", Slow);

        await page.GetByTestId("test-case").SelectOptionAsync(new SelectOptionValue { Label = "pass" });
        await page.GetByTestId("test-run").ClickAsync();
        var rule = page.Locator("[data-result-rule=CarParkNearlyFull]");
        await Expect(rule.GetByTestId("result-outcome").First).ToHaveTextAsync("通过", Slow);
        await Expect(rule.GetByTestId("result-output")).ToContainTextAsync("\"status\": \"nearly-full\"");
        await Expect(page.GetByTestId("test-outcome")).ToContainTextAsync("parking.nearly-full");
        await page.GetByTestId("rule-node").First.ClickAsync();
        await DesignerHub.ScreenshotAsync(page, "rules-01-parking-pass-zh");

        await page.GetByTestId("test-case").SelectOptionAsync(new SelectOptionValue { Label = "fail" });
        await page.GetByTestId("test-run").ClickAsync();
        await Expect(rule.GetByTestId("result-outcome").First).ToHaveTextAsync("未通过", Slow);
        await Expect(rule.GetByTestId("result-error")).ToContainTextAsync("The car park still has room");
        await Expect(rule.GetByTestId("result-output")).ToContainTextAsync("\"status\": \"available\"");
        await DesignerHub.ScreenshotAsync(page, "rules-02-parking-fail-zh");
    }

    private async Task<IPage> OpenRulesAsync(string user, string password)
    {
        var page = await hub.NewPageAsync();
        page.PageError += (_, e) => Console.WriteLine("BROWSER ERROR: " + e);
        await DesignerHub.SignInAsync(page, user, password);
        await page.GotoAsync("/rules");
        await Expect(page.GetByTestId("rule-tree")).ToBeVisibleAsync();
        return page;
    }

    private static async Task OpenSampleAsync(IPage page, string sample)
    {
        await page.GetByTestId("rules-sample").SelectOptionAsync(sample);
        await page.GetByTestId("rules-open-sample").ClickAsync();
        await Expect(page.GetByTestId("rules-notice")).ToBeVisibleAsync();
    }
}
