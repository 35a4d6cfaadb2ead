using System.Net.Http.Json;
using Luohu.Hub.Host.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luohu.Hub.Designer.Tests;

/// <summary>
/// The editor and its panels on one page, as a department uses them: the node selected on the canvas is the one the
/// debug panel watches, a deploy from the toolbar appears in the versions list and in the live messages, and a
/// rollback in the versions list puts the rolled-back draft back on the canvas.
/// </summary>
public sealed class FlowEditorLiveTests(DesignerHub hub) : IClassFixture<DesignerHub>
{
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions SlowContains = new() { Timeout = 30_000 };

    [Fact]
    public async Task Deploy_from_the_editor_shows_live_messages_of_the_new_version_and_a_rollback_runs_the_old_one_keeping_the_draft()
    {
        await CreateAndDeployAsync("e2e-threshold");
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "admin", HubServer.AdminPassword);
        await page.GotoAsync("/flows/e2e-threshold");
        await FlowEditorPage.WaitReadyAsync(page);

        await FlowEditorPage.SelectNodeAsync(page, "calc");
        await page.GetByTestId("tab-debug").ClickAsync();
        await Expect(page.GetByTestId("debug-watch")).ToHaveTextAsync("正在观察 calc", Slow);
        await Expect(page.GetByTestId("debug-state")).ToHaveTextAsync("实时", Slow);
        await PublishAsync(5);
        await Expect(page.Locator("[data-testid=debug-row][data-node=dbg] [data-testid=debug-row-payload]").First)
            .ToContainTextAsync("\"low\":true", SlowContains);

        await FlowEditorPage.FillCodeAsync(page, "code", "msg.payload.low = msg.payload.free < 3; return msg;");
        await page.GetByTestId("tool-deploy").ClickAsync();
        await Expect(page.GetByTestId("editor-status")).ToHaveTextAsync("已部署 v2", Slow);
        await Expect(page.GetByTestId("debug-marker").First).ToHaveTextAsync("已部署版本 2", Slow);
        await PublishAsync(5);
        await Expect(page.Locator("[data-testid=debug-row][data-node=dbg] [data-testid=debug-row-payload]").First)
            .ToContainTextAsync("\"low\":false", SlowContains);
        await DesignerHub.ScreenshotAsync(page, "30-editor-debug-live");

        await page.GetByTestId("tab-versions").ClickAsync();
        var v1 = page.Locator("[data-testid=version-row][data-version='1']");
        await Expect(page.GetByTestId("version-row")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await v1.GetByTestId("rollback").ClickAsync();
        await v1.GetByTestId("rollback-yes").ClickAsync();
        await Expect(v1.GetByTestId("version-deployed")).ToHaveTextAsync("当前部署", Slow);

        await Expect(page.GetByTestId("editor-status")).ToHaveTextAsync("已重新运行 v1。画布上仍是你的草稿：部署后才会运行，可在“版本”中对比。", Slow);
        await Expect(page.Locator(".x6-node[data-cell-id='calc']")).ToHaveCountAsync(1);
        await DesignerHub.ScreenshotAsync(page, "31-editor-after-rollback");
        await FlowEditorPage.SelectNodeAsync(page, "calc");
        await Expect(FlowEditorPage.Setting(page, "code").Locator(".cm-content")).ToContainTextAsync("free < 3", SlowContains);
        await PublishAsync(5);
        await page.GetByTestId("tab-debug").ClickAsync();
        await Expect(page.GetByTestId("debug-marker").First).ToHaveTextAsync("已部署版本 1", Slow);
        await Expect(page.Locator("[data-testid=debug-row][data-node=dbg] [data-testid=debug-row-payload]").First)
            .ToContainTextAsync("\"low\":true", SlowContains);
    }

    private async Task CreateAndDeployAsync(string id)
    {
        var client = hub.Server.Client;
        var grant = await client.PostAsJsonAsync("/api/v1/grants", new { department = "traffic", kind = "stream", target = "test/#" });
        if (grant.StatusCode != System.Net.HttpStatusCode.Conflict)
        {
            await HubServer.EnsureSuccessAsync(grant);
        }

        var flow = new
        {
            id,
            name = "Threshold",
            department = "traffic",
            nodes = new object[]
            {
                new { id = "in", type = "trigger.topic", config = new { topic = "test/e2e/in" }, position = new { x = 60, y = 80 } },
                new { id = "calc", type = "script", config = new { code = "msg.payload.low = msg.payload.free < 10; return msg;" }, position = new { x = 300, y = 80 } },
                new { id = "dbg", type = "debug", config = new { }, position = new { x = 540, y = 80 } },
            },
            wires = new[] { new { from = "in", to = "calc" }, new { from = "calc", to = "dbg" } },
        };
        await HubServer.EnsureSuccessAsync(await client.PostAsJsonAsync("/api/v1/flows", flow));
        await HubServer.EnsureSuccessAsync(await client.PostAsJsonAsync($"/api/v1/flows/{id}/deploy", new { comment = "first" }));
    }

    private async Task PublishAsync(int free) =>
        await HubServer.EnsureSuccessAsync(await hub.Server.Client.PostAsJsonAsync("/api/v1/messages", new { topic = "test/e2e/in", payload = new { free } }));
}
