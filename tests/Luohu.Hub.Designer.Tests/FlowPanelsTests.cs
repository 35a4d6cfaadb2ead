using System.Net.Http.Json;
using Luohu.Hub.Host.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luohu.Hub.Designer.Tests;

/// <summary>
/// The flow's versions and live-messages page (<c>/flows/{id}/live</c>) in Chromium against the real hub: live debug
/// messages, pause, filter, inject, the diff of two versions, rollback with confirmation, and what a viewer may do.
/// </summary>
public sealed class FlowPanelsTests(DesignerHub hub) : IClassFixture<DesignerHub>
{
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 30_000 };

    [Fact]
    public async Task Live_messages_appear_pause_holds_them_resume_shows_them_and_the_filter_narrows_them()
    {
        await DeployAsync("live-a");
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "admin", HubServer.AdminPassword);
        await page.GotoAsync("/flows/live-a/live");
        await Expect(page.GetByTestId("debug-state")).ToHaveTextAsync("实时", Slow);
        var rows = page.GetByTestId("debug-row");

        await PublishAsync("live-a", 1);
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.GetByTestId("debug-row-payload")).ToContainTextAsync("\"doubled\":2");
        await Expect(rows.First.GetByTestId("debug-row-node")).ToHaveTextAsync("dbg");

        await page.GetByTestId("debug-pause").ClickAsync();
        await PublishAsync("live-a", 2);
        await PublishAsync("live-a", 3);
        await Expect(page.GetByTestId("debug-paused-count")).ToHaveTextAsync("已暂停：2 条新消息", Slow);
        await Expect(rows).ToHaveCountAsync(1);
        await DesignerHub.ScreenshotAsync(page, "20-flow-live-paused");

        await page.GetByTestId("debug-pause").ClickAsync();
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.First.GetByTestId("debug-row-payload")).ToContainTextAsync("\"doubled\":6");

        await page.GetByTestId("debug-filter").FillAsync("\"x\":2");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.GetByTestId("debug-row-payload")).ToContainTextAsync("\"doubled\":4");
        await page.GetByTestId("debug-filter").FillAsync(string.Empty);
        await Expect(rows).ToHaveCountAsync(3);

        await rows.First.GetByTestId("debug-row-toggle").ClickAsync();
        await Expect(rows.First.GetByTestId("debug-row-payload")).ToContainTextAsync("\"doubled\": 6");
        await DesignerHub.ScreenshotAsync(page, "21-flow-live-zh");

        await page.GetByTestId("debug-clear").ClickAsync();
        await Expect(rows).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("debug-empty")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_burst_of_messages_keeps_at_most_500_rows_and_the_newest_stay()
    {
        await DeployAsync("live-g");
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "admin", HubServer.AdminPassword);
        await page.GotoAsync("/flows/live-g/live");
        await Expect(page.GetByTestId("debug-state")).ToHaveTextAsync("实时", Slow);

        for (var batch = 0; batch < 26; batch++)
        {
            await Task.WhenAll(Enumerable.Range(batch * 20, 20).Select(x => PublishAsync("live-g", x)));
        }

        await Expect(page.GetByTestId("debug-shown")).ToHaveTextAsync("显示 500 条", Slow);
        await Expect(page.GetByTestId("debug-row")).ToHaveCountAsync(500);
        await page.GetByTestId("debug-filter").FillAsync("\"x\":519,");
        await Expect(page.GetByTestId("debug-row")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Injecting_into_the_selected_script_node_shows_its_output_and_bad_json_is_shown_at_the_field()
    {
        await DeployAsync("live-b");
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "admin", HubServer.AdminPassword);
        await page.GotoAsync("/flows/live-b/live");
        await Expect(page.GetByTestId("debug-state")).ToHaveTextAsync("实时", Slow);

        await page.GetByTestId("node-pick").SelectOptionAsync("calc");
        await Expect(page.GetByTestId("debug-watch")).ToHaveTextAsync("正在观察 calc", Slow);
        await Expect(page.GetByTestId("inject-node")).ToHaveValueAsync("calc");

        await page.GetByTestId("inject-payload").FillAsync("{ \"x\": 21,\n  \"y\": }");
        await page.GetByTestId("inject-send").ClickAsync();
        await Expect(page.GetByTestId("inject-payload-error")).ToHaveTextAsync("JSON 格式有误：第 2 行第 8 列。请检查引号、逗号和括号。");
        await DesignerHub.ScreenshotAsync(page, "22-flow-inject-bad-json");

        await page.GetByTestId("inject-payload").FillAsync("{ \"x\": 21 }");
        await Expect(page.GetByTestId("inject-payload-error")).ToBeHiddenAsync();
        await page.GetByTestId("inject-send").ClickAsync();
        await Expect(page.GetByTestId("inject-result")).ToHaveTextAsync("已发送到 calc。", Slow);

        var rows = page.GetByTestId("debug-row");
        await Expect(rows).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-testid=debug-row][data-node=calc] [data-testid=debug-row-payload]")).ToContainTextAsync("\"doubled\":42");
        await Expect(page.Locator("[data-testid=debug-row][data-node=dbg] [data-testid=debug-row-payload]")).ToContainTextAsync("\"doubled\":42");

        await page.GetByTestId("debug-only-selected").CheckAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToHaveAttributeAsync("data-node", "calc");
        await DesignerHub.ScreenshotAsync(page, "23-flow-inject-watch");

        await page.GetByTestId("inject-node").FillAsync("nope");
        await page.GetByTestId("inject-send").ClickAsync();
        await Expect(page.GetByTestId("inject-result")).ToHaveTextAsync("已部署的版本中没有节点 nope。", Slow);
    }

    [Fact]
    public async Task The_versions_show_author_and_diff_and_a_rollback_asks_first_then_moves_the_deployed_marker()
    {
        await hub.Server.CreateUserAsync("traffic-ed", ["editor"], ["traffic"]);
        await DeployAsync("live-c");
        using var editor = await hub.Server.SignInAsync("traffic-ed", HubServer.UserPassword);
        await HubServer.EnsureSuccessAsync(await editor.PutAsJsonAsync("/api/v1/flows/live-c", Flow("live-c", "x * 3")));
        await HubServer.EnsureSuccessAsync(await editor.PostAsJsonAsync("/api/v1/flows/live-c/deploy", new { comment = "triple it" }));

        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "traffic-ed", HubServer.UserPassword);
        await page.GotoAsync("/flows/live-c/live");
        var v1 = page.Locator("[data-testid=version-row][data-version='1']");
        var v2 = page.Locator("[data-testid=version-row][data-version='2']");
        await Expect(page.GetByTestId("version-row")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Expect(v2.GetByTestId("version-author")).ToHaveTextAsync("traffic-ed");
        await Expect(v2.GetByTestId("version-comment")).ToHaveTextAsync("triple it");
        await Expect(v2.GetByTestId("version-deployed")).ToHaveTextAsync("当前部署");
        await Expect(v1.GetByTestId("version-deployed")).ToHaveCountAsync(0);
        await Expect(v1.GetByTestId("version-time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"));

        await v2.GetByTestId("version-changes").ClickAsync();
        var setting = page.Locator("[data-testid=diff-node][data-node-id=calc] [data-testid=diff-setting][data-path='config.code']");
        await Expect(setting.GetByTestId("diff-before")).ToContainTextAsync("msg.payload.x * 2");
        await Expect(setting.GetByTestId("diff-after")).ToContainTextAsync("msg.payload.x * 3");
        await DesignerHub.ScreenshotAsync(page, "24-flow-versions-diff");

        await v1.GetByTestId("rollback").ClickAsync();
        await Expect(v1.GetByTestId("rollback-confirm")).ToContainTextAsync("重新部署 v1？");
        await DesignerHub.ScreenshotAsync(page, "25-flow-rollback-confirm");
        await v1.GetByTestId("rollback-yes").ClickAsync();

        await Expect(v1.GetByTestId("version-deployed")).ToHaveTextAsync("当前部署", Slow);
        await Expect(v2.GetByTestId("version-deployed")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("versions-notice")).ToHaveTextAsync("已重新部署 v1。");
        await Expect(page.GetByTestId("debug-marker")).ToHaveTextAsync("已部署版本 1");
        var summary = await hub.Server.GetJsonAsync<System.Text.Json.JsonElement>("/api/v1/flows/live-c/versions");
        Assert.Contains(summary.EnumerateArray(), v => v.GetProperty("version").GetInt32() == 1 && v.GetProperty("isDeployed").GetBoolean());
    }

    [Fact]
    public async Task A_viewer_watches_live_messages_but_sees_no_rollback_and_no_inject()
    {
        await DeployAsync("live-d");
        await hub.Server.CreateUserAsync("traffic-viewer", ["viewer"], ["traffic"]);
        await Deploy2Async("live-d");

        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "traffic-viewer", HubServer.UserPassword);
        await page.GotoAsync("/flows/live-d/live");
        await Expect(page.GetByTestId("version-row")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("debug-state")).ToHaveTextAsync("实时", Slow);
        await PublishAsync("live-d", 5);
        await Expect(page.GetByTestId("debug-row")).ToHaveCountAsync(1, new() { Timeout = 30_000 });

        await Expect(page.GetByTestId("read-only")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("rollback")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("inject-form")).ToHaveCountAsync(0);
        await page.GetByTestId("node-pick").SelectOptionAsync("calc");
        await Expect(page.GetByTestId("debug-watch")).ToHaveTextAsync("正在观察 calc", Slow);
        await DesignerHub.ScreenshotAsync(page, "26-flow-live-viewer");
    }

    [Fact]
    public async Task Another_departments_flow_reads_as_not_found()
    {
        await DeployAsync("live-e");
        await hub.Server.CreateUserAsync("water-ed", ["editor"], ["water"]);

        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "water-ed", HubServer.UserPassword);
        await page.GotoAsync("/flows/live-e/live");

        await Expect(page.GetByTestId("flow-not-found")).ToHaveTextAsync("流程 live-e 不存在，或属于其他部门。");
        await Expect(page.GetByTestId("debug-panel")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_panels_read_in_english()
    {
        await DeployAsync("live-f");
        await Deploy2Async("live-f");
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "admin", HubServer.AdminPassword);
        await page.GetByTestId("language-switch").Locator("button[value=en]").ClickAsync();
        await page.GotoAsync("/flows/live-f/live");
        await Expect(page.GetByTestId("debug-state")).ToHaveTextAsync("Live", Slow);
        await PublishAsync("live-f", 7);
        await Expect(page.GetByTestId("debug-row")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await page.Locator("[data-testid=version-row][data-version='2'] [data-testid=version-changes]").ClickAsync();

        await Expect(page.GetByTestId("diff")).ToContainTextAsync("Changes from v1 to v2");
        await Expect(page.GetByTestId("versions-panel").Locator("h2")).ToHaveTextAsync("Versions");
        await Expect(page.GetByTestId("inject-send")).ToHaveTextAsync("Send");
        await DesignerHub.ScreenshotAsync(page, "27-flow-live-en");
    }

    private static object Flow(string id, string expression) => new
    {
        id,
        name = $"Live test {id}",
        department = "traffic",
        nodes = new object[]
        {
            new { id = "in", type = "trigger.topic", config = new { topic = $"test/{id}/in" } },
            new { id = "calc", type = "script", config = new { code = $"msg.payload.doubled = msg.payload.{expression}; return msg;" } },
            new { id = "dbg", type = "debug", config = new { } },
        },
        wires = new[] { new { from = "in", to = "calc" }, new { from = "calc", to = "dbg" } },
    };

    private async Task DeployAsync(string id)
    {
        var client = hub.Server.Client;
        var grant = await client.PostAsJsonAsync("/api/v1/grants", new { department = "traffic", kind = "stream", target = "test/#" });
        if (grant.StatusCode != System.Net.HttpStatusCode.Conflict)
        {
            await HubServer.EnsureSuccessAsync(grant);
        }

        await HubServer.EnsureSuccessAsync(await client.PostAsJsonAsync("/api/v1/flows", Flow(id, "x * 2")));
        await HubServer.EnsureSuccessAsync(await client.PostAsJsonAsync($"/api/v1/flows/{id}/deploy", new { comment = "first" }));
    }

    private async Task Deploy2Async(string id)
    {
        var client = hub.Server.Client;
        await HubServer.EnsureSuccessAsync(await client.PutAsJsonAsync($"/api/v1/flows/{id}", Flow(id, "x * 3")));
        await HubServer.EnsureSuccessAsync(await client.PostAsJsonAsync($"/api/v1/flows/{id}/deploy", new { comment = "triple it" }));
    }

    private async Task PublishAsync(string id, int x) =>
        await HubServer.EnsureSuccessAsync(await hub.Server.Client.PostAsJsonAsync("/api/v1/messages", new { topic = $"test/{id}/in", payload = new { x } }));
}
