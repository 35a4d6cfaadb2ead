using System.Net.Http.Json;
using Luohu.Hub.Host.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luohu.Hub.Designer.Tests;

/// <summary>
/// A webhook's settings in the editor: the secret written into a flow was moved into the department's secrets when the
/// flow was saved, so the form shows its name and never its value, in both languages.
/// </summary>
public sealed class WebhookSettingsTests(DesignerHub hub) : IClassFixture<DesignerHub>
{
    [Theory]
    [InlineData("zh-Hans", "密钥名称")]
    [InlineData("en", "Secret name")]
    public async Task A_webhook_shows_the_name_of_its_secret_and_never_the_secret(string culture, string label)
    {
        var id = $"e2e-hook-{culture.ToLowerInvariant()}";
        var flow = new
        {
            id,
            name = "Dispatch hook",
            department = "emergency",
            nodes = new object[]
            {
                new { id = "hook", type = "trigger.http", config = new { path = $"dispatch/{id}", auth = "hmac", secret = "designer-s3cret-42" }, position = new { x = 80, y = 100 } },
                new { id = "dbg", type = "debug", config = new { }, position = new { x = 360, y = 100 } },
            },
            wires = new[] { new { from = "hook", to = "dbg" } },
        };
        await HubServer.EnsureSuccessAsync(await hub.Server.Client.PostAsJsonAsync("/api/v1/flows", flow));
        var page = await hub.NewPageAsync();
        await page.Context.AddCookiesAsync([new Cookie
        {
            Name = Luohu.Hub.Designer.Hosting.DesignerCultures.CookieName,
            Value = Luohu.Hub.Designer.Hosting.DesignerCultures.CookieValue(culture),
            Url = hub.Server.BaseAddress.ToString(),
        }]);
        await DesignerHub.SignInAsync(page, "admin", HubServer.AdminPassword);
        await page.GotoAsync($"/flows/{id}");
        await FlowEditorPage.WaitReadyAsync(page);

        await FlowEditorPage.SelectNodeAsync(page, "hook");

        await Expect(FlowEditorPage.Setting(page, "secretRef")).ToHaveValueAsync($"{id}.hook");
        await Expect(FlowEditorPage.Setting(page, "secret")).ToHaveValueAsync(string.Empty);
        await Expect(page.GetByTestId("node-settings")).ToContainTextAsync(label);
        Assert.DoesNotContain("designer-s3cret-42", await page.ContentAsync(), StringComparison.Ordinal);
        await FlowEditorPage.Setting(page, "secretRef").ScrollIntoViewIfNeededAsync();
        await DesignerHub.ScreenshotAsync(page, $"40-webhook-secret-name-{culture}");
    }
}
