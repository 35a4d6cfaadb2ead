using System.Net.Http.Json;
using System.Text.Json;
using Luohu.Hub.Host.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luohu.Hub.Designer.Tests;

/// <summary>The flow editor in Chromium against the real hub: built with the mouse, validated, deployed, read-only.</summary>
public sealed class FlowEditorTests(DesignerHub hub) : IClassFixture<DesignerHub>
{
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 30_000 };

    [Fact]
    public async Task A_parking_flow_built_with_the_mouse_deploys_and_redeploys_with_a_new_threshold()
    {
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "admin", HubServer.AdminPassword);
        await page.GetByTestId("new-flow-button").ClickAsync();
        await page.GetByTestId("new-flow-id").FillAsync("parking-mouse");
        await page.GetByTestId("new-flow-name").FillAsync("停车引导（鼠标）");
        await page.GetByTestId("new-flow-department").SelectOptionAsync("traffic");
        await page.GetByTestId("new-flow-create").ClickAsync();
        await FlowEditorPage.WaitReadyAsync(page);
        await Expect(page.GetByTestId("canvas-empty")).ToBeVisibleAsync();
        await DesignerHub.ScreenshotAsync(page, "20-editor-empty");

        await FlowEditorPage.DragFromPaletteAsync(page, "trigger.topic", 110, 90);
        await FlowEditorPage.Setting(page, "topic").FillAsync("sensors/parking/+/occupancy");
        await FlowEditorPage.DragFromPaletteAsync(page, "script", 380, 90);
        await FlowEditorPage.FillCodeAsync(page, "code", "msg.payload.low = msg.payload.free < 5;\nreturn msg;");
        await FlowEditorPage.DragFromPaletteAsync(page, "switch", 110, 300);
        await page.GetByTestId("add-rules").ClickAsync();
        await FlowEditorPage.Setting(page, "rules[0].port").FillAsync("low");
        await FlowEditorPage.FillCodeAsync(page, "rules[0].expression", "msg.payload.free < 10");
        await FlowEditorPage.DragFromPaletteAsync(page, "debug", 380, 300);

        await FlowEditorPage.WireAsync(page, "topic-1", "out", "script-1");
        await FlowEditorPage.WireAsync(page, "script-1", "out", "switch-1");
        await FlowEditorPage.WireAsync(page, "switch-1", "low", "debug-1");
        await Expect(page.Locator("[data-testid=canvas] .x6-edge")).ToHaveCountAsync(3);
        await page.GetByTestId("tool-fit").ClickAsync();
        await DesignerHub.ScreenshotAsync(page, "21-editor-built");

        await page.GetByTestId("tool-deploy").ClickAsync();
        await Expect(page.GetByTestId("editor-status")).ToHaveTextAsync("已部署 v1", Slow);

        await FlowEditorPage.SelectNodeAsync(page, "switch-1");
        await FlowEditorPage.FillCodeAsync(page, "rules[0].expression", "msg.payload.free < 20");
        await Expect(page.GetByTestId("unsaved")).ToBeVisibleAsync();
        await page.GetByTestId("tool-deploy").ClickAsync();
        await Expect(page.GetByTestId("editor-status")).ToHaveTextAsync("已部署 v2", Slow);

        var v2 = await hub.Server.GetJsonAsync<JsonElement>("/api/v1/flows/parking-mouse/versions/2");
        var nodes = v2.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(["topic-1", "script-1", "switch-1", "debug-1"], nodes.Select(n => n.GetProperty("id").GetString()));
        var rule = nodes[2].GetProperty("config").GetProperty("rules")[0];
        Assert.Equal("msg.payload.free < 20", rule.GetProperty("expression").GetString());
        Assert.Contains(v2.GetProperty("wires").EnumerateArray(), w => w.GetProperty("from").GetString() == "switch-1" && w.GetProperty("port").GetString() == "low");
    }

    [Fact]
    public async Task Validate_marks_every_problem_on_its_node()
    {
        await CreateFlowAsync("broken-flow",
            new { id = "in", type = "trigger.topic", config = new { topic = "sensors/parking/+/occupancy" }, position = new { x = 80, y = 120 } },
            new { id = "calc", type = "script", config = new { code = "var free = msg.payload.free;\nvar x = ;\nreturn msg;" }, position = new { x = 360, y = 120 } },
            new { id = "out", type = "publish", config = new { }, position = new { x = 640, y = 120 } });
        var page = await OpenAsAdminAsync("broken-flow");

        await page.GetByTestId("tool-validate").ClickAsync();

        await Expect(page.GetByTestId("problem").Filter(new() { HasText = "calc" }).First).ToBeVisibleAsync();
        await Expect(page.Locator(".x6-node[data-cell-id='calc']")).ToHaveAttributeAsync("data-problems", "1");
        await Expect(page.Locator(".x6-node[data-cell-id='out']")).ToHaveAttributeAsync("data-problems", "1");
        await Expect(page.Locator(".x6-node[data-cell-id='in']")).ToHaveAttributeAsync("data-problems", "0");
        await page.GetByTestId("problem").Filter(new() { HasText = "out" }).First.ClickAsync();
        await Expect(page.GetByTestId("field-error-topic")).Not.ToBeEmptyAsync();
        await DesignerHub.ScreenshotAsync(page, "22-editor-problems");
    }

    [Fact]
    public async Task A_script_syntax_error_is_shown_at_its_line_in_the_code_editor()
    {
        await CreateFlowAsync("script-error",
            new { id = "calc", type = "script", config = new { code = "var free = msg.payload.free;\nvar x = ;\nreturn msg;" }, position = new { x = 200, y = 120 } });
        var page = await OpenAsAdminAsync("script-error");

        await page.GetByTestId("tool-validate").ClickAsync();
        await page.GetByTestId("problem").First.ClickAsync();

        var code = page.GetByTestId("field-code");
        await Expect(code.Locator(".cm-lintRange-error")).ToHaveCountAsync(1);
        // The squiggle sits on line 2, where the expression is missing.
        await Expect(code.Locator(".cm-line").Nth(1).Locator(".cm-lintRange-error")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("problem").First).ToContainTextAsync("第 2 行");
        await DesignerHub.ScreenshotAsync(page, "23-editor-script-error");
    }

    [Fact]
    public async Task Delete_undo_and_redo_work_from_the_keyboard()
    {
        await CreateFlowAsync("undo-flow",
            new { id = "a", type = "debug", config = new { }, position = new { x = 100, y = 100 } },
            new { id = "b", type = "debug", config = new { }, position = new { x = 400, y = 100 } });
        var page = await OpenAsAdminAsync("undo-flow");
        var nodes = page.Locator("[data-testid=canvas] .x6-node");

        await FlowEditorPage.SelectNodeAsync(page, "a");
        await page.Keyboard.PressAsync("Delete");
        await Expect(nodes).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Control+z");
        await Expect(nodes).ToHaveCountAsync(2);
        await page.Keyboard.PressAsync("Control+Shift+z");
        await Expect(nodes).ToHaveCountAsync(1);
        await page.GetByTestId("tool-undo").ClickAsync();
        await Expect(page.Locator(".x6-node[data-cell-id='a']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Copy_and_paste_gives_fresh_ids_and_keeps_the_wire_between_the_copies()
    {
        await CreateFlowAsync("copy-flow",
            [new { id = "calc", type = "script", config = new { code = "return msg;" }, position = new { x = 100, y = 100 } },
             new { id = "watch", type = "debug", config = new { }, position = new { x = 400, y = 100 } }],
            [new { from = "calc", to = "watch" }]);
        var page = await OpenAsAdminAsync("copy-flow");

        await FlowEditorPage.SelectNodeAsync(page, "calc");
        await page.Locator(".x6-node[data-cell-id='watch'] text").First.ClickAsync(new() { Modifiers = [KeyboardModifier.Shift] });
        await page.Keyboard.PressAsync("Control+c");
        await page.Keyboard.PressAsync("Control+v");

        await Expect(page.Locator("[data-testid=canvas] .x6-node")).ToHaveCountAsync(4);
        await Expect(page.Locator("[data-testid=canvas] .x6-edge")).ToHaveCountAsync(2);
        await Expect(page.Locator(".x6-node[data-cell-id='script-1']")).ToHaveCountAsync(1);
        await Expect(page.Locator(".x6-node[data-cell-id='debug-1']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Importing_a_malformed_file_says_so_and_changes_nothing()
    {
        await CreateFlowAsync("import-flow", new { id = "keep", type = "debug", config = new { }, position = new { x = 100, y = 100 } });
        var page = await OpenAsAdminAsync("import-flow");

        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "broken.json", MimeType = "application/json", Buffer = "{ \"nodes\": [ "u8.ToArray() });

        await Expect(page.GetByTestId("editor-status")).ToContainTextAsync("broken.json 不是有效的 JSON");
        await Expect(page.Locator("[data-testid=canvas] .x6-node")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("unsaved")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_viewer_sees_the_editor_read_only()
    {
        await hub.Server.CreateUserAsync("traffic-viewer", ["viewer"], ["traffic"]);
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "traffic-viewer", HubServer.UserPassword);
        await page.GotoAsync("/flows/parking-guidance");
        await FlowEditorPage.WaitReadyAsync(page);

        await Expect(page.GetByTestId("read-only")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("tool-deploy")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("tool-save")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("palette")).ToBeHiddenAsync();
        await FlowEditorPage.SelectNodeAsync(page, "occupancy");
        await Expect(page.GetByTestId("node-name")).ToBeDisabledAsync();
        await Expect(FlowEditorPage.Setting(page, "topic")).ToBeDisabledAsync();
        await Expect(FlowEditorPage.Setting(page, "topic")).ToHaveValueAsync("sensors/parking/+/occupancy");
        await DesignerHub.ScreenshotAsync(page, "24-editor-read-only");
    }

    private Task CreateFlowAsync(string id, params object[] nodes) => CreateFlowAsync(id, nodes, []);

    private async Task CreateFlowAsync(string id, object[] nodes, object[] wires)
    {
        var response = await hub.Server.Client.PostAsJsonAsync("/api/v1/flows", new { id, name = id, department = "traffic", nodes, wires });
        await HubServer.EnsureSuccessAsync(response);
    }

    private async Task<IPage> OpenAsAdminAsync(string flowId)
    {
        var page = await hub.NewPageAsync();
        await DesignerHub.SignInAsync(page, "admin", HubServer.AdminPassword);
        await page.GotoAsync($"/flows/{flowId}");
        await FlowEditorPage.WaitReadyAsync(page);
        return page;
    }
}
