using Luohu.Hub.Host.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luohu.Hub.Designer.Tests;

/// <summary>The designer in Chromium against the real hub: sign-in, the Flows and Plugins pages, languages, departments.</summary>
public sealed class DesignerBrowserTests(DesignerHub hub) : IClassFixture<DesignerHub>
{
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 30_000 };

    [Fact]
    public async Task Signing_in_through_the_form_shows_the_parking_guidance_flow_deployed()
    {
        var page = await hub.NewPageAsync();
        await page.GotoAsync("/signin");
        await DesignerHub.ScreenshotAsync(page, "01-signin-zh");

        await DesignerHub.SignInAsync(page, "admin", HubServer.AdminPassword);

        var row = page.Locator("tr[data-flow-id='parking-guidance']");
        await Expect(row.GetByTestId("flow-state")).ToHaveTextAsync("已部署 v1", Slow);
        await Expect(page.GetByTestId("current-user")).ToContainTextAsync("admin");
        await DesignerHub.ScreenshotAsync(page, "02-flows-zh");
    }

    [Fact]
    public async Task The_plugins_page_shows_both_sample_plugins_running()
    {
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "admin", HubServer.AdminPassword);
        await page.GotoAsync("/plugins");

        await Expect(page.Locator("tr[data-plugin-id='luohu.parking'] [data-testid=plugin-state]")).ToHaveTextAsync("运行中", Slow);
        await Expect(page.Locator("tr[data-plugin-id='luohu.signals'] [data-testid=plugin-state]")).ToHaveTextAsync("运行中", Slow);
        await DesignerHub.ScreenshotAsync(page, "03-plugins-zh");
    }

    [Fact]
    public async Task The_language_switch_changes_every_string_and_is_remembered()
    {
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "admin", HubServer.AdminPassword);
        await Expect(page.Locator("h1")).ToHaveTextAsync("流程");

        await page.GetByTestId("language-switch").Locator("button[value=en]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Flows");
        await page.GotoAsync("/plugins");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Plugins");
        await Expect(page.Locator("tr[data-plugin-id='luohu.parking'] [data-testid=plugin-state]")).ToHaveTextAsync("Running", Slow);
        await DesignerHub.ScreenshotAsync(page, "04-plugins-en");
        await page.GotoAsync("/");
        await DesignerHub.ScreenshotAsync(page, "05-flows-en");

        await page.GetByTestId("language-switch").Locator("button[value=zh-Hans]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("流程");
        await Expect(page.Locator("nav")).ToContainTextAsync("插件");
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_and_stays_on_the_sign_in_page()
    {
        var page = await hub.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.Locator("#user").FillAsync("admin");
        await page.Locator("#password").FillAsync("not-the-password");
        await page.Locator("button[type=submit].button-primary").ClickAsync();

        await Expect(page.GetByTestId("signin-error")).ToHaveTextAsync("用户名或密码不正确，请检查后重试。");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await Expect(page.Locator("#password")).ToHaveValueAsync(string.Empty);
        await DesignerHub.ScreenshotAsync(page, "06-signin-wrong-password");
    }

    [Theory]
    [InlineData("zh-Hans", "held-back-zh", "此电脑的登录尝试过多")]
    [InlineData("en", "held-back-en", "Too many sign-in attempts from this computer")]
    public async Task Five_wrong_passwords_hold_the_name_back_from_this_computer_and_say_so(string culture, string user, string expected)
    {
        // A name of its own: the hold is per name and address, so the other tests' admin is untouched.
        var page = await hub.NewPageAsync();
        await page.Context.AddCookiesAsync([new Cookie
        {
            Name = Luohu.Hub.Designer.Hosting.DesignerCultures.CookieName,
            Value = Luohu.Hub.Designer.Hosting.DesignerCultures.CookieValue(culture),
            Url = hub.Server.BaseAddress.ToString(),
        }]);
        for (var i = 0; i < 5; i++)
        {
            await page.GotoAsync("/signin");
            await page.Locator("#user").FillAsync(user);
            await page.Locator("#password").FillAsync("wrong-" + i);
            await page.Locator("button[type=submit].button-primary").ClickAsync();
            await Expect(page.GetByTestId("signin-error")).ToBeVisibleAsync();
        }

        await Expect(page.GetByTestId("signin-error")).ToContainTextAsync(expected);
        await DesignerHub.ScreenshotAsync(page, $"09-signin-held-back-{culture}");
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_then_back_where_they_were_going()
    {
        var page = await hub.NewPageAsync();
        await page.GotoAsync("/plugins");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\?returnUrl=%2Fplugins$"));

        await page.Locator("#user").FillAsync("admin");
        await page.Locator("#password").FillAsync(HubServer.AdminPassword);
        await page.Locator("button[type=submit].button-primary").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/plugins$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("插件");
    }

    [Fact]
    public async Task A_user_sees_only_their_departments_flows_and_their_department_in_the_layout()
    {
        await hub.Server.CreateUserAsync("water-viewer", ["viewer"], ["water"]);
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "water-viewer", HubServer.UserPassword);

        // The water bureau's own sample flow, and none of another department's.
        await Expect(page.Locator("tr[data-flow-id='flood-warning']")).ToHaveCountAsync(1);
        await Expect(page.Locator("tr[data-flow-id]")).ToHaveCountAsync(1);
        await Expect(page.Locator("tr[data-flow-id='parking-guidance']")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("current-departments")).ToHaveTextAsync("水务局");
        await DesignerHub.ScreenshotAsync(page, "07-flows-other-department");
    }

    [Fact]
    public async Task A_flow_opens_read_only_with_its_nodes_and_wires()
    {
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "admin", HubServer.AdminPassword);

        await page.Locator("tr[data-flow-id='parking-guidance'] a.cell-title").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/flows/parking-guidance$"));
        await Expect(page.Locator("[data-testid=canvas] .x6-node[data-cell-id='status']")).ToBeVisibleAsync();
        Assert.True(await page.Locator("[data-testid=canvas] .x6-edge").CountAsync() > 0, "the sample flow has wires");
        await DesignerHub.ScreenshotAsync(page, "08-flow-detail");
    }

    [Fact]
    public async Task Another_departments_flow_reads_as_not_found()
    {
        await hub.Server.CreateUserAsync("water-editor", ["editor"], ["water"]);
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "water-editor", HubServer.UserPassword);

        await page.GotoAsync("/flows/parking-guidance");

        await Expect(page.GetByTestId("flow-not-found")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("flow-editor")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "admin", HubServer.AdminPassword);

        await page.Locator("form.signout button").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin$"));
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\?returnUrl=%2F$"));
    }
}
