using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Host.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luohu.Hub.Designer.Tests.Rules;

/// <summary>A flow's rule node in the flow editor: a library workflow (followed or pinned) or one embedded and edited in the rules editor.</summary>
public sealed class RuleNodeSettingsTests(DesignerHub hub) : IClassFixture<DesignerHub>
{
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 30_000 };

    private async Task<IPage> OpenFlowAsync(string flowId, string ruleConfig)
    {
        var flow = JsonNode.Parse($$"""
            { "id": "{{flowId}}", "name": "Car park status", "department": "traffic",
              "nodes": [ { "id": "occupancy", "type": "trigger.topic", "config": { "topic": "sensors/parking/+/occupancy" }, "position": { "x": 80, "y": 80 } },
                         { "id": "nearly-full", "type": "rule", "config": {{ruleConfig}}, "position": { "x": 360, "y": 80 } },
                         { "id": "watch", "type": "debug", "config": {}, "position": { "x": 640, "y": 80 } } ],
              "wires": [ { "from": "occupancy", "to": "nearly-full" }, { "from": "nearly-full", "port": "success", "to": "watch" } ] }
            """);
        await HubServer.EnsureSuccessAsync(await hub.Server.Client.PostAsJsonAsync("/api/v1/flows", flow));
        var page = await hub.NewPageAsync();
        page.PageError += (_, e) => Console.WriteLine("BROWSER ERROR: " + e);
        await DesignerHub.SignInAsync(page, "admin", HubServer.AdminPassword);
        await page.GotoAsync($"/flows/{flowId}");
        await FlowEditorPage.WaitReadyAsync(page);
        await FlowEditorPage.SelectNodeAsync(page, "nearly-full");
        return page;
    }

    [Fact]
    public async Task A_library_workflow_is_chosen_pinned_and_deployed()
    {
        var page = await OpenFlowAsync("rule-library", "{}");

        var library = FlowEditorPage.Setting(page, "library");
        await Expect(library.Locator("option[value=ParkingNearlyFull]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await library.SelectOptionAsync("ParkingNearlyFull");
        var version = FlowEditorPage.Setting(page, "version");
        await Expect(version.Locator("option").First).ToHaveTextAsync("跟随最新版本（当前 v1）", Slow);
        await Expect(page.GetByTestId("rule-open-library")).ToHaveAttributeAsync("href", "/rules?department=traffic&name=ParkingNearlyFull", new() { Timeout = 30_000 });
        await DesignerHub.ScreenshotAsync(page, "rules-20-rule-node-library-zh");
        await page.GetByTestId("tool-deploy").ClickAsync();
        await Expect(page.GetByTestId("editor-status")).ToHaveTextAsync("已部署 v1", Slow);

        await version.SelectOptionAsync("1");
        await page.GetByTestId("tool-deploy").ClickAsync();
        await Expect(page.GetByTestId("editor-status")).ToHaveTextAsync("已部署 v2", Slow);

        var deployed = await hub.Server.GetJsonAsync<JsonElement>("/api/v1/flows/rule-library/versions/2");
        var config = deployed.GetProperty("nodes")[1].GetProperty("config");
        Assert.Equal("ParkingNearlyFull", config.GetProperty("library").GetString());
        Assert.Equal(1, config.GetProperty("version").GetInt32());
        Assert.False(config.TryGetProperty("workflow", out _));
        var detail = await hub.Server.GetJsonAsync<JsonElement>("/api/v1/rules/library/traffic/ParkingNearlyFull");
        Assert.Contains("rule-library", detail.GetProperty("followedBy").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task An_embedded_workflow_is_edited_in_the_rules_editor_over_the_canvas()
    {
        var page = await OpenFlowAsync("rule-embedded", """{ "library": "ParkingNearlyFull" }""");
        await page.GetByTestId("language-switch").Locator("button[value=en]").ClickAsync();
        await FlowEditorPage.WaitReadyAsync(page);
        await FlowEditorPage.SelectNodeAsync(page, "nearly-full");

        await page.GetByTestId("rule-source-embedded").CheckAsync();
        await Expect(page.GetByTestId("rule-embedded-summary")).ToHaveTextAsync("“nearly-full”, 1 rule(s), kept in this flow.", Slow);
        await page.GetByTestId("rule-edit-embedded").ClickAsync();
        var dialog = page.GetByTestId("rule-editor-dialog");
        await Expect(dialog.GetByTestId("workflow-node")).ToContainTextAsync("nearly-full", new() { Timeout = 30_000 });
        await DesignerHub.ScreenshotAsync(page, "rules-21-rule-node-embedded-open-en");
        await dialog.Locator("li[data-rule-path='Rules[0]'] > [data-testid=rule-node]").ClickAsync();
        await dialog.GetByTestId("rule-expression").Locator(".cm-content").FillAsync("msg.payload.free < 20");
        await Expect(dialog.GetByTestId("rules-status")).ToHaveTextAsync("No problems", Slow);
        await dialog.GetByTestId("test-inputs").FillAsync("{ \"msg\": { \"payload\": { \"free\": 3 } } }");
        await dialog.GetByTestId("test-run").ClickAsync();
        await Expect(dialog.Locator("[data-result-rule=Rule1] [data-testid=result-outcome]")).ToHaveTextAsync("passed", Slow);
        await DesignerHub.ScreenshotAsync(page, "rules-21-rule-node-embedded-run-en");
        await dialog.GetByTestId("rule-editor-done").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.GetByTestId("tool-save").ClickAsync();
        await Expect(page.GetByTestId("unsaved")).ToBeHiddenAsync(new() { Timeout = 30_000 });

        var draft = await hub.Server.GetJsonAsync<JsonElement>("/api/v1/flows/rule-embedded");
        var config = draft.GetProperty("nodes")[1].GetProperty("config");
        Assert.False(config.TryGetProperty("library", out _));
        Assert.Equal("msg.payload.free < 20", config.GetProperty("workflow").GetProperty("Rules")[0].GetProperty("Expression").GetString());
        await DesignerHub.ScreenshotAsync(page, "rules-22-rule-node-embedded-settings-en");
    }
}
