using Luohu.Hub.Host.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luohu.Hub.Designer.Tests;

/// <summary>
/// The fire-engine green wave sample in the editor, in both languages: its timers keyed by dispatch and the
/// <c>timer.cancel</c> node that names them, with the node type's palette label in the page's language.
/// </summary>
public sealed class GreenWaveEditorTests(DesignerHub hub) : IClassFixture<DesignerHub>
{
    [Theory]
    [InlineData("zh-Hans", "取消定时器")]
    [InlineData("en", "Cancel timers")]
    public async Task The_green_wave_shows_its_keyed_timer_and_the_cancel_node_naming_it(string culture, string cancelLabel)
    {
        var page = await hub.NewPageAsync();
        await page.Context.AddCookiesAsync([new Cookie
        {
            Name = Luohu.Hub.Designer.Hosting.DesignerCultures.CookieName,
            Value = Luohu.Hub.Designer.Hosting.DesignerCultures.CookieValue(culture),
            Url = hub.Server.BaseAddress.ToString(),
        }]);
        await DesignerHub.SignInAsync(page, "admin", HubServer.AdminPassword);
        await page.GotoAsync("/flows/fire-green-wave");
        await FlowEditorPage.WaitReadyAsync(page);

        await FlowEditorPage.SelectNodeAsync(page, "before-arrival");
        await Expect(FlowEditorPage.Setting(page, "keyPath")).ToHaveValueAsync("payload.dispatchId");
        await FlowEditorPage.SelectNodeAsync(page, "cancel-timers");
        await Expect(FlowEditorPage.Setting(page, "timer")).ToHaveValueAsync("before-arrival");
        await Expect(FlowEditorPage.Setting(page, "keyPath")).ToHaveValueAsync("payload.dispatchId");
        await Expect(page.GetByTestId("palette")).ToContainTextAsync(cancelLabel);
        await DesignerHub.ScreenshotAsync(page, $"50-green-wave-{culture}");
    }
}
