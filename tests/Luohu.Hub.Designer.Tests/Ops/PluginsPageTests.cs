using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Luohu.Hub.Host.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luohu.Hub.Designer.Tests.Ops;

/// <summary>
/// The Plugins page's actions in Chromium against the real hub: upload through the file input, enable, disable,
/// reload and uninstall behind confirmations, role-dependent controls, and another operator's change shown live.
/// </summary>
public sealed class PluginsPageTests(DesignerHub hub) : IClassFixture<DesignerHub>
{
    private const string Counter = "fixtures.counter";
    private const string OpsUser = "plugins-ops";
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions SlowContains = new() { Timeout = 30_000 };

    [Fact]
    public async Task Uploading_the_Counter_package_installs_it_running_and_highlighted()
    {
        await RemoveCounterAsync();
        var page = await SignedInOpsAsync();

        await page.GetByTestId("plugin-upload-input").SetInputFilesAsync(new FilePayload
        {
            Name = "counter-1.0.0.zip", MimeType = "application/zip", Buffer = FixtureZips.Create("Counter.V1"),
        });
        await Expect(page.GetByTestId("plugin-upload-file")).ToHaveTextAsync("counter-1.0.0.zip");
        await page.GetByTestId("plugin-upload-button").ClickAsync();

        await Expect(page.GetByTestId("plugin-upload-result")).ToContainTextAsync("已安装", SlowContains);
        var row = Row(page);
        await Expect(row.GetByTestId("plugin-state")).ToHaveTextAsync("运行中", Slow);
        await Expect(row.GetByTestId("plugin-version")).ToHaveTextAsync("1.0.0");
        await Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("lh-highlighted"));
        await Expect(row.GetByTestId("plugin-new")).ToBeVisibleAsync();
        await DesignerHub.ScreenshotAsync(page, "ops-01-plugins-uploaded-zh");
    }

    [Fact]
    public async Task Uploading_a_higher_version_upgrades_the_plugin_in_place()
    {
        await RemoveCounterAsync();
        await InstallCounterAsync();
        var page = await SignedInOpsAsync();
        await Expect(Row(page).GetByTestId("plugin-version")).ToHaveTextAsync("1.0.0");

        await page.GetByTestId("plugin-upload-input").SetInputFilesAsync(new FilePayload
        {
            Name = "counter-2.0.0.zip", MimeType = "application/zip", Buffer = FixtureZips.Create("Counter.V2"),
        });
        await page.GetByTestId("plugin-upload-button").ClickAsync();

        await Expect(page.GetByTestId("plugin-upload-result")).ToHaveTextAsync("已将 Counter (test fixture) 从 1.0.0 升级到 2.0.0，已在下方列表中高亮显示。", Slow);
        await Expect(Row(page).GetByTestId("plugin-version")).ToHaveTextAsync("2.0.0");
        await Expect(Row(page).GetByTestId("plugin-state")).ToHaveTextAsync("运行中");
        var installed = (await hub.Server.GetJsonAsync<JsonElement>("/api/v1/plugins")).GetArrayLength();
        await Expect(page.Locator("tr[data-plugin-id]")).ToHaveCountAsync(installed);
        await RemoveCounterAsync();
    }

    [Fact]
    public async Task An_operation_the_hub_refuses_shows_why_on_the_row()
    {
        await InstallCounterAsync();
        var page = await SignedInOpsAsync();
        var row = Row(page);
        await row.GetByTestId("plugin-reload").ClickAsync();
        await Expect(page.GetByTestId("confirm-dialog")).ToBeVisibleAsync();

        // Another operator disables it while this one is still reading the question: a disabled plugin cannot be reloaded.
        await HubServer.EnsureSuccessAsync(await hub.Server.Client.PostAsync(new Uri($"/api/v1/plugins/{Counter}/disable", UriKind.Relative), null));
        await page.GetByTestId("confirm-ok").ClickAsync();

        var problem = row.GetByTestId("plugin-problem");
        await Expect(problem).ToContainTextAsync("该操作与插件当前的状态冲突", SlowContains);
        await Expect(problem).ToContainTextAsync("enable it instead");
        await Expect(row.GetByTestId("plugin-state")).ToHaveTextAsync("已停用");
        await DesignerHub.ScreenshotAsync(page, "ops-07-plugins-row-problem-zh");
        await HubServer.EnsureSuccessAsync(await hub.Server.Client.PostAsync(new Uri($"/api/v1/plugins/{Counter}/enable", UriKind.Relative), null));
    }

    [Fact]
    public async Task A_broken_package_shows_the_problem_in_plain_words_and_installs_nothing()
    {
        var page = await SignedInOpsAsync();
        var rows = await page.Locator("tr[data-plugin-id]").CountAsync();

        await page.GetByTestId("plugin-upload-input").SetInputFilesAsync(new FilePayload
        {
            Name = "broken.zip", MimeType = "application/zip", Buffer = Encoding.UTF8.GetBytes("this is not a zip"),
        });
        await page.GetByTestId("plugin-upload-button").ClickAsync();

        var problem = page.GetByTestId("plugin-upload-problem");
        await Expect(problem).ToContainTextAsync("插件包未安装", SlowContains);
        await Expect(problem).ToContainTextAsync("zip");
        await Expect(page.Locator("tr[data-plugin-id]")).ToHaveCountAsync(rows);
        await DesignerHub.ScreenshotAsync(page, "ops-02-plugins-upload-refused-zh");
    }

    [Fact]
    public async Task Reloading_after_confirmation_brings_the_plugin_back_running_from_that_moment()
    {
        await InstallCounterAsync();
        var before = await StateChangedAtAsync();
        var page = await SignedInOpsAsync();
        var row = Row(page);

        await row.GetByTestId("plugin-reload").ClickAsync();
        var dialog = page.GetByTestId("confirm-dialog");
        await Expect(dialog).ToContainTextAsync("重新加载 Counter");
        await DesignerHub.ScreenshotAsync(page, "ops-03-plugins-confirm-reload-zh");
        await dialog.GetByTestId("confirm-ok").ClickAsync();

        await Expect(row.GetByTestId("plugin-result")).ToHaveTextAsync("已重新加载。", Slow);
        await Expect(row.GetByTestId("plugin-state")).ToHaveTextAsync("运行中");
        var after = await StateChangedAtAsync();
        Assert.NotEqual(before, after);
        await Expect(row.GetByTestId("plugin-since")).ToHaveAttributeAsync("data-changed-at", after);
        await Expect(row.GetByTestId("plugin-since")).ToContainTextAsync("自 ");
        await Expect(dialog).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Disabling_shows_Disabled_with_the_reason_and_enabling_brings_it_back_running()
    {
        await InstallCounterAsync();
        var page = await SignedInOpsAsync();
        var row = Row(page);

        await row.GetByTestId("plugin-disable").ClickAsync();
        await page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(row.GetByTestId("plugin-state")).ToHaveTextAsync("已停用", Slow);
        await Expect(row.GetByTestId("plugin-reason")).ToContainTextAsync("disabled by an operator");
        await Expect(row.GetByTestId("plugin-reload")).ToHaveCountAsync(0);
        await DesignerHub.ScreenshotAsync(page, "ops-04-plugins-disabled-zh");

        await row.GetByTestId("plugin-enable").ClickAsync();
        await page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(row.GetByTestId("plugin-state")).ToHaveTextAsync("运行中", Slow);
        await Expect(row.GetByTestId("plugin-result")).ToHaveTextAsync("已启用。");
    }

    [Fact]
    public async Task Uninstalling_after_confirmation_removes_the_row()
    {
        await InstallCounterAsync();
        var page = await SignedInOpsAsync();

        await Row(page).GetByTestId("plugin-uninstall").ClickAsync();
        await Expect(page.GetByTestId("confirm-dialog")).ToContainTextAsync("无法撤销");
        await page.GetByTestId("confirm-ok").ClickAsync();

        await Expect(Row(page)).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("plugins-notice")).ToHaveTextAsync("已卸载 Counter (test fixture)。");
        Assert.Equal(HttpStatusCode.NotFound, (await hub.Server.Client.GetAsync(new Uri($"/api/v1/plugins/{Counter}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Cancelling_a_confirmation_by_Escape_or_Cancel_changes_nothing()
    {
        await InstallCounterAsync();
        var before = await StateChangedAtAsync();
        var page = await SignedInOpsAsync();
        var row = Row(page);

        await row.GetByTestId("plugin-uninstall").ClickAsync();
        await Expect(page.GetByTestId("confirm-dialog")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("confirm-dialog")).ToHaveCountAsync(0);

        await row.GetByTestId("plugin-reload").ClickAsync();
        await page.GetByTestId("confirm-cancel").ClickAsync();
        await Expect(page.GetByTestId("confirm-dialog")).ToHaveCountAsync(0);

        await Expect(row.GetByTestId("plugin-state")).ToHaveTextAsync("运行中");
        await Expect(row.GetByTestId("plugin-result")).ToHaveCountAsync(0);
        Assert.Equal(before, await StateChangedAtAsync());
    }

    [Fact]
    public async Task A_viewer_sees_the_catalogue_without_upload_or_action_buttons()
    {
        await hub.Server.CreateUserAsync("plugins-viewer", ["viewer"], ["water"]);
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "plugins-viewer", HubServer.UserPassword);
        await page.GotoAsync("/plugins");

        await Expect(page.Locator("tr[data-plugin-id='luohu.parking'] [data-testid=plugin-state]")).ToHaveTextAsync("运行中", Slow);
        await Expect(page.GetByTestId("plugin-upload")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=plugin-reload], [data-testid=plugin-uninstall], [data-testid=plugin-disable]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_vendor_may_upload_but_sees_no_operations()
    {
        await hub.Server.CreateUserAsync("plugins-vendor", ["vendor"], []);
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "plugins-vendor", HubServer.UserPassword);
        await page.GotoAsync("/plugins");

        await Expect(page.Locator("tr[data-plugin-id='luohu.parking'] [data-testid=plugin-state]")).ToHaveTextAsync("运行中", Slow);
        await Expect(page.GetByTestId("plugin-upload")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=plugin-reload], [data-testid=plugin-uninstall], [data-testid=plugin-disable]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Another_operators_reload_through_the_API_shows_on_the_open_page()
    {
        await InstallCounterAsync();
        var page = await SignedInOpsAsync();
        var since = Row(page).GetByTestId("plugin-since");
        await Expect(since).ToHaveAttributeAsync("data-changed-at", await StateChangedAtAsync());

        var reloaded = await hub.Server.Client.PostAsync(new Uri($"/api/v1/plugins/{Counter}/reload", UriKind.Relative), null);
        await HubServer.EnsureSuccessAsync(reloaded);
        var at = (await reloaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stateChangedAt").GetString()!;

        // The open page polls every second; the default five-second wait is room for a loaded machine, not the promise.
        await Expect(since).ToHaveAttributeAsync("data-changed-at", at);
        await Expect(Row(page).GetByTestId("plugin-state")).ToHaveTextAsync("运行中");
    }

    [Fact]
    public async Task When_the_session_ends_the_open_page_says_so()
    {
        var page = await SignedInOpsAsync();

        await page.Context.ClearCookiesAsync();

        await Expect(page.GetByTestId("plugins-problem")).ToContainTextAsync("会话已结束，请重新登录。");
        await Expect(page.Locator("tr[data-plugin-id='luohu.parking']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_page_speaks_English_with_its_dialog()
    {
        await InstallCounterAsync();
        var page = await SignedInOpsAsync();
        await page.GetByTestId("language-switch").Locator("button[value=en]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Plugins");

        await Expect(page.GetByTestId("plugin-upload")).ToContainTextAsync("Install or upgrade a plugin");
        await Expect(Row(page).GetByTestId("plugin-since")).ToContainTextAsync("since");
        await DesignerHub.ScreenshotAsync(page, "ops-05-plugins-en");
        await Row(page).GetByTestId("plugin-disable").ClickAsync();
        await Expect(page.GetByTestId("confirm-dialog")).ToContainTextAsync("Disable Counter (test fixture)?");
        await DesignerHub.ScreenshotAsync(page, "ops-06-plugins-confirm-disable-en");
        await page.GetByTestId("confirm-cancel").ClickAsync();
    }

    private static ILocator Row(IPage page) => page.Locator($"tr[data-plugin-id='{Counter}']");

    private async Task<IPage> SignedInOpsAsync()
    {
        await hub.Server.CreateUserAsync(OpsUser, ["ops"], []);
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, OpsUser, HubServer.UserPassword);
        await page.GotoAsync("/plugins");
        await Expect(page.Locator("tr[data-plugin-id='luohu.parking'] [data-testid=plugin-state]")).ToHaveTextAsync("运行中", Slow);
        return page;
    }

    private async Task InstallCounterAsync()
    {
        if ((await hub.Server.Client.GetAsync(new Uri($"/api/v1/plugins/{Counter}", UriKind.Relative))).IsSuccessStatusCode)
        {
            return;
        }

        var zip = new ByteArrayContent(FixtureZips.Create("Counter.V1"));
        zip.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        await HubServer.EnsureSuccessAsync(await hub.Server.Client.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), zip));
    }

    private async Task RemoveCounterAsync()
    {
        var response = await hub.Server.Client.DeleteAsync(new Uri($"/api/v1/plugins/{Counter}", UriKind.Relative));
        Assert.True(response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.NotFound, $"uninstall answered {response.StatusCode}");
    }

    // The API's own text of the moment the plugin entered its state, as the page receives it.
    private async Task<string> StateChangedAtAsync() =>
        (await hub.Server.GetJsonAsync<JsonElement>($"/api/v1/plugins/{Counter}")).GetProperty("stateChangedAt").GetString()!;
}
