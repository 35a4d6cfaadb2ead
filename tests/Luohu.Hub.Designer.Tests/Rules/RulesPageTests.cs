using Luohu.Hub.Host.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luohu.Hub.Designer.Tests.Rules;

/// <summary>The rule editor in Chromium against the real hub: samples, the tree, validation at the field, the test panel.</summary>
public sealed class RulesPageTests(DesignerHub hub) : IClassFixture<DesignerHub>
{
    // Every expectation waits up to 30 s (Playwright's default is 5): the machine is shared and often loaded, and the
    // checks wait for the hub's answers; polling ends as soon as the text is there.
    [Fact]
    public async Task The_parking_sample_runs_a_passing_and_a_failing_case_and_shows_the_result_tree()
    {
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword);
        await OpenSampleAsync(page, "parking-nearly-full");

        await Expect(page.Locator("[data-rule-name=CarParkNearlyFull] [data-testid=rule-node]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-status")).ToHaveTextAsync("没有问题", new() { Timeout = 30_000 });

        await page.GetByTestId("test-case").SelectOptionAsync(new SelectOptionValue { Label = "pass" });
        await page.GetByTestId("test-run").ClickAsync();
        var rule = page.Locator("[data-result-rule=CarParkNearlyFull]");
        await Expect(rule.GetByTestId("result-outcome").First).ToHaveTextAsync("通过", new() { Timeout = 30_000 });
        await Expect(rule.GetByTestId("result-output")).ToContainTextAsync("\"status\": \"nearly-full\"", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("test-outcome")).ToContainTextAsync("parking.nearly-full", new() { Timeout = 30_000 });
        await page.GetByTestId("rule-node").First.ClickAsync();
        await DesignerHub.ScreenshotAsync(page, "rules-01-parking-pass-zh");

        await page.GetByTestId("test-case").SelectOptionAsync(new SelectOptionValue { Label = "fail" });
        await page.GetByTestId("test-run").ClickAsync();
        await Expect(rule.GetByTestId("result-outcome").First).ToHaveTextAsync("未通过", new() { Timeout = 30_000 });
        await Expect(rule.GetByTestId("result-error")).ToContainTextAsync("The car park still has room", new() { Timeout = 30_000 });
        await Expect(rule.GetByTestId("result-output")).ToContainTextAsync("\"status\": \"available\"", new() { Timeout = 30_000 });
        await DesignerHub.ScreenshotAsync(page, "rules-02-parking-fail-zh");

        await page.GetByTestId("test-inputs").FillAsync("{ \"lot\": { \"id\": \"LH-0042\", \"total\": 400, \"free\": 0 } }");
        await Expect(page.GetByTestId("test-stale")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByTestId("test-inputs").PressAsync("Control+Enter");
        await Expect(rule.GetByTestId("result-output")).ToContainTextAsync("\"status\": \"full\"", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("test-stale")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task A_syntax_error_in_an_expression_shows_at_the_field_and_on_the_tree_node_with_its_line()
    {
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword);
        await OpenSampleAsync(page, "parking-nearly-full");
        var node = page.Locator("li[data-rule-path='Rules[0]'] > [data-testid=rule-node]");
        await node.ClickAsync();

        await page.GetByTestId("rule-expression").Locator(".cm-content").FillAsync("freeRatio < 0.1 ||\n(lot.free <) 20");

        await Expect(node.GetByTestId("rule-node-problems")).ToHaveTextAsync("1 个问题", new() { Timeout = 30_000 });
        var problem = page.GetByTestId("rule-expression").GetByTestId("field-problem");
        await Expect(problem).ToContainTextAsync("第 2 行", new() { Timeout = 30_000 });
        await Expect(problem).ToContainTextAsync("Syntax error at line 2", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rule-expression").Locator(".cm-lintRange-error")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-status")).ToHaveTextAsync("1 个问题", new() { Timeout = 30_000 });
        await DesignerHub.ScreenshotAsync(page, "rules-03-syntax-error-zh");

        await page.GetByTestId("rule-expression").Locator(".cm-content").FillAsync("freeRatio < 0.1 || lot.free < 20");
        await Expect(page.GetByTestId("rules-status")).ToHaveTextAsync("没有问题", new() { Timeout = 30_000 });
        await Expect(node.GetByTestId("rule-node-problems")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task A_nested_rule_without_an_operator_shows_the_validators_problem_on_the_parent_node()
    {
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword);
        await page.GetByTestId("rules-new").ClickAsync();
        var parent = page.Locator("li[data-rule-path='Rules[0]'] > [data-testid=rule-node]");
        await parent.ClickAsync();

        await page.GetByTestId("tree-add-child").ClickAsync();

        await Expect(page.Locator("li[data-rule-path='Rules[0].Rules[0]'] > [data-testid=rule-node]")).ToContainTextAsync("Rule2", new() { Timeout = 30_000 });
        await Expect(parent.GetByTestId("rule-node-problems")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Contains("Rules[0].Operator", await parent.GetByTestId("rule-node-problems").GetAttributeAsync("title"), StringComparison.Ordinal);
        await parent.ClickAsync();
        await Expect(page.GetByTestId("rule-form").Locator("[data-path='Rules[0].Operator']")).ToContainTextAsync("no Operator", new() { Timeout = 30_000 });
        await DesignerHub.ScreenshotAsync(page, "rules-04-missing-operator-zh");

        await page.GetByTestId("rule-operator").SelectOptionAsync("AndAlso");
        await page.GetByTestId("rule-expression").Locator(".cm-content").FillAsync(string.Empty);
        await Expect(page.GetByTestId("rules-status")).ToHaveTextAsync("没有问题", new() { Timeout = 30_000 });
        await Expect(parent).ToContainTextAsync("AndAlso", new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task Deleting_a_rule_with_its_children_can_be_undone()
    {
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword);
        await OpenSampleAsync(page, "water-level-warning");
        await page.Locator("li[data-rule-path='Rules[0]'] > [data-testid=rule-node]").ClickAsync();

        await page.GetByTestId("tree-delete").ClickAsync();

        await Expect(page.GetByTestId("rule-node")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-notice")).ToContainTextAsync("已删除规则“OverWarningLineAndRising”", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-status")).ToHaveTextAsync("1 个问题", new() { Timeout = 30_000 });
        await page.GetByTestId("rules-undo").ClickAsync();
        await Expect(page.GetByTestId("rule-node")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rule-form").Locator("[data-testid=rule-name]")).ToHaveValueAsync("OverWarningLineAndRising", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-status")).ToHaveTextAsync("没有问题", new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task Importing_a_malformed_file_says_so_and_keeps_the_draft()
    {
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword);
        await OpenSampleAsync(page, "water-level-warning");

        await page.GetByTestId("rules-import-file").SetInputFilesAsync(new FilePayload { Name = "broken.json", MimeType = "application/json", Buffer = "{ \"WorkflowName\": \"x\", "u8.ToArray() });

        await Expect(page.GetByTestId("rules-import-error")).ToContainTextAsync("“broken.json”不是有效的 JSON", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("workflow-node")).ToContainTextAsync("WaterLevelWarning", new() { Timeout = 30_000 });
        await DesignerHub.ScreenshotAsync(page, "rules-05-import-malformed-zh");

        await page.GetByTestId("rules-import-file").SetInputFilesAsync(new FilePayload { Name = "list.json", MimeType = "application/json", Buffer = "[1, 2]"u8.ToArray() });
        await Expect(page.GetByTestId("rules-import-error")).ToContainTextAsync("“list.json”是 JSON，但不是规则工作流", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("workflow-node")).ToContainTextAsync("WaterLevelWarning", new() { Timeout = 30_000 });

        await page.GetByTestId("rules-import-file").SetInputFilesAsync(new FilePayload { Name = "mine.json", MimeType = "application/json", Buffer = "{ \"WorkflowName\": \"Mine\", \"Rules\": [ { \"RuleName\": \"Only\", \"Expression\": \"true\" } ] }"u8.ToArray() });
        await Expect(page.GetByTestId("workflow-node")).ToContainTextAsync("Mine", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-import-error")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task Export_downloads_the_workflow_as_RulesEngine_json()
    {
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword);
        await OpenSampleAsync(page, "parking-nearly-full");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("rules-export").ClickAsync());

        Assert.Equal("ParkingNearlyFull.json", download.SuggestedFilename);
        var path = await download.PathAsync();
        using var exported = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var rule = exported.RootElement.GetProperty("Rules")[0];
        Assert.Equal("CarParkNearlyFull", rule.GetProperty("RuleName").GetString());
        Assert.Equal("freeRatio < 0.1 || lot.free < 20", rule.GetProperty("Expression").GetString());
        Assert.Equal("OutputExpression", rule.GetProperty("Actions").GetProperty("OnFailure").GetProperty("Name").GetString());
    }

    [Fact]
    public async Task Inputs_that_are_not_json_are_refused_at_the_field_before_anything_runs()
    {
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword);
        await OpenSampleAsync(page, "parking-nearly-full");

        await page.GetByTestId("test-inputs").FillAsync("{ \"lot\": { \"free\": 12, } ");
        await page.GetByTestId("test-run").ClickAsync();

        await Expect(page.GetByTestId("test-inputs-problem")).ToContainTextAsync("输入不是有效的 JSON", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("test-outcome")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.GetByTestId("test-inputs").FillAsync("[1]");
        await page.GetByTestId("test-run").ClickAsync();
        await Expect(page.GetByTestId("test-inputs-problem")).ToContainTextAsync("输入必须是 JSON 对象", new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task The_language_switch_shows_the_editor_in_English_and_keeps_the_draft()
    {
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword);
        await OpenSampleAsync(page, "water-level-warning");
        await page.GetByTestId("workflow-name").FillAsync("WaterLevelWarningDraft");
        await Expect(page.GetByTestId("workflow-node")).ToContainTextAsync("WaterLevelWarningDraft", new() { Timeout = 30_000 });

        await page.GetByTestId("language-switch").Locator("button[value=en]").ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Rules", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-new")).ToHaveTextAsync("New workflow", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("workflow-node")).ToContainTextAsync("WaterLevelWarningDraft", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-status")).ToHaveTextAsync("No problems", new() { Timeout = 30_000 });
        await page.GetByTestId("test-case").SelectOptionAsync(new SelectOptionValue { Label = "pass" });
        await page.GetByTestId("test-run").ClickAsync();
        var rule = page.Locator("[data-result-rule=OverWarningLineAndRising]");
        await Expect(rule.GetByTestId("result-outcome").First).ToHaveTextAsync("passed", new() { Timeout = 30_000 });
        await Expect(rule.GetByTestId("result-output")).ToContainTextAsync("\"status\": \"warning\"", new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-result-rule=Rising] [data-testid=result-outcome]")).ToHaveTextAsync("passed", new() { Timeout = 30_000 });
        await page.Locator("li[data-rule-path='Rules[0]'] > [data-testid=rule-node]").ClickAsync();
        await DesignerHub.ScreenshotAsync(page, "rules-06-water-pass-en");

        await page.GetByTestId("test-case").SelectOptionAsync(new SelectOptionValue { Label = "fail-over-the-line-but-falling" });
        await page.GetByTestId("test-run").ClickAsync();
        await Expect(rule.GetByTestId("result-outcome").First).ToHaveTextAsync("failed", new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-result-rule=Rising] [data-testid=result-outcome]")).ToHaveTextAsync("failed", new() { Timeout = 30_000 });
        await DesignerHub.ScreenshotAsync(page, "rules-07-water-fail-en");
    }

    [Fact]
    public async Task A_viewer_sees_the_editor_read_only_with_a_note()
    {
        await hub.Server.CreateUserAsync("rules-viewer", ["viewer"], ["water"]);
        var page = await OpenRulesAsync("rules-viewer", HubServer.UserPassword);
        await OpenSampleAsync(page, "parking-nearly-full");

        await Expect(page.GetByTestId("rules-read-only")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("test-run")).ToBeDisabledAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("tree-add-rule")).ToBeDisabledAsync(new() { Timeout = 30_000 });
        await page.Locator("li[data-rule-path='Rules[0]'] > [data-testid=rule-node]").ClickAsync();
        await Expect(page.GetByTestId("rule-name")).ToBeDisabledAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rule-expression").Locator(".cm-content")).ToHaveAttributeAsync("contenteditable", "false", new() { Timeout = 30_000 });
        await DesignerHub.ScreenshotAsync(page, "rules-08-viewer-read-only-zh");
    }

    private async Task<IPage> OpenRulesAsync(string user, string password)
    {
        var page = await hub.NewPageAsync();
        page.PageError += (_, e) => Console.WriteLine("BROWSER ERROR: " + e);
        await DesignerHub.SignInAsync(page, user, password);
        await page.GotoAsync("/rules");
        await Expect(page.GetByTestId("rule-tree")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        return page;
    }

    private static async Task OpenSampleAsync(IPage page, string sample)
    {
        await page.GetByTestId("rules-sample").SelectOptionAsync(sample);
        await page.GetByTestId("rules-open-sample").ClickAsync();
        await Expect(page.GetByTestId("rules-notice")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }
}
