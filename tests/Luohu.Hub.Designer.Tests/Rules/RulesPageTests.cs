using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Host.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luohu.Hub.Designer.Tests.Rules;

/// <summary>
/// The Rules page in Chromium against the real hub: the library (list, open, save, publish, versions, diff, roll back,
/// import), the tree, validation at the field, the test panel. Tests that change the library work on their own copy
/// of a sample (<see cref="CopySampleAsync"/>): the hub is shared by the class.
/// </summary>
public sealed class RulesPageTests(DesignerHub hub) : IClassFixture<DesignerHub>
{
    // Every expectation waits up to 30 s (Playwright's default is 5): the machine is shared and often loaded, and the
    // checks wait for the hub's answers; polling ends as soon as the text is there.
    private static readonly LocatorAssertionsToHaveTextOptions Text = new() { Timeout = 30_000 };

    [Fact]
    public async Task The_parking_sample_opens_from_the_library_with_its_saved_cases_and_runs_a_pass_and_a_fail()
    {
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword, "traffic", "ParkingNearlyFull");

        await Expect(page.Locator("[data-workflow=ParkingNearlyFull] [data-testid=library-item]")).ToHaveAttributeAsync("aria-current", "true", new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-workflow=ParkingNearlyFull] [data-testid=library-item-version]")).ToHaveTextAsync("v1", Text);
        await Expect(page.GetByTestId("rules-save-state")).ToHaveTextAsync("已保存 · 第 1 版生效中", Text);
        await Expect(page.Locator("[data-rule-name=CarParkNearlyFull] [data-testid=rule-node]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-status")).ToHaveTextAsync("没有问题", Text);

        await page.GetByTestId("test-case").SelectOptionAsync(new SelectOptionValue { Label = "pass" });
        await page.GetByTestId("test-run").ClickAsync();
        var rule = page.Locator("[data-result-rule=CarParkNearlyFull]");
        await Expect(rule.GetByTestId("result-outcome").First).ToHaveTextAsync("通过", Text);
        await Expect(rule.GetByTestId("result-output")).ToContainTextAsync("\"status\": \"nearly-full\"", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("test-outcome")).ToContainTextAsync("parking.nearly-full", new() { Timeout = 30_000 });
        await page.GetByTestId("rule-node").First.ClickAsync();
        await DesignerHub.ScreenshotAsync(page, "rules-01-parking-pass-zh");

        await page.GetByTestId("test-case").SelectOptionAsync(new SelectOptionValue { Label = "fail" });
        await page.GetByTestId("test-run").ClickAsync();
        await Expect(rule.GetByTestId("result-outcome").First).ToHaveTextAsync("未通过", Text);
        await Expect(rule.GetByTestId("result-error")).ToContainTextAsync("The car park still has room", new() { Timeout = 30_000 });
        await Expect(rule.GetByTestId("result-output")).ToContainTextAsync("\"status\": \"available\"", new() { Timeout = 30_000 });
        await DesignerHub.ScreenshotAsync(page, "rules-02-parking-fail-zh");

        await page.GetByTestId("test-inputs").FillAsync("{ \"lot\": { \"id\": \"LH-0042\", \"total\": 400, \"free\": 0 } }");
        await Expect(page.GetByTestId("test-stale")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-save-state")).ToHaveTextAsync("有未保存的修改", Text);
        await page.GetByTestId("test-inputs").PressAsync("Control+Enter");
        await Expect(rule.GetByTestId("result-output")).ToContainTextAsync("\"status\": \"full\"", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("test-stale")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task Save_publish_diff_and_roll_back_go_through_the_library_and_every_flow_follower_sees_the_version()
    {
        await CopySampleAsync("ParkingLifecycle", "parking-nearly-full");
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword, "traffic", "ParkingLifecycle");
        await page.Locator("li[data-rule-path='Rules[0]'] > [data-testid=rule-node]").ClickAsync();

        await page.GetByTestId("rule-expression").Locator(".cm-content").FillAsync("freeRatio < 0.05 || lot.free < 10");
        await Expect(page.GetByTestId("rules-save-state")).ToHaveTextAsync("有未保存的修改", Text);
        await page.GetByTestId("rules-save").ClickAsync();
        await Expect(page.GetByTestId("rules-notice")).ToContainTextAsync("已将“ParkingLifecycle”保存到规则库", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-save-state")).ToHaveTextAsync("已保存 · 草稿与生效的第 1 版不同", Text);
        await Expect(page.Locator("[data-workflow=ParkingLifecycle] [data-testid=library-item-draft]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal("freeRatio < 0.05 || lot.free < 10", (await DraftAsync("ParkingLifecycle"))["Rules"]![0]!["Expression"]!.GetValue<string>());

        await page.GetByTestId("rules-publish").ClickAsync();
        await page.GetByTestId("publish-comment").FillAsync("stricter for the holidays");
        await page.GetByTestId("publish-confirm").ClickAsync();
        await Expect(page.GetByTestId("rules-notice")).ToContainTextAsync("发布为第 2 版", new() { Timeout = 30_000 });
        var v2 = page.Locator("[data-testid=library-version][data-version='2']");
        await Expect(v2).ToContainTextAsync("stricter for the holidays", new() { Timeout = 30_000 });
        await Expect(v2).ToContainTextAsync("admin", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-save-state")).ToHaveTextAsync("已保存 · 第 2 版生效中", Text);
        await v2.GetByTestId("version-diff-toggle").ClickAsync();
        await Expect(v2.GetByTestId("version-diff")).ToContainTextAsync("Rules[0].Expression", new() { Timeout = 30_000 });
        await Expect(v2.GetByTestId("version-diff")).ToContainTextAsync("freeRatio < 0.05 || lot.free < 10", new() { Timeout = 30_000 });
        await DesignerHub.ScreenshotAsync(page, "rules-03-published-diff-zh");

        var v1 = page.Locator("[data-testid=library-version][data-version='1']");
        await v1.GetByTestId("version-rollback").ClickAsync();
        await v1.GetByTestId("version-rollback-confirm").ClickAsync();
        await Expect(page.GetByTestId("rules-notice")).ToContainTextAsync("第 1 版的内容作为第 3 版重新生效", new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-testid=library-version][data-version='3']")).ToContainTextAsync("rollback to version 1", new() { Timeout = 30_000 });

        var live = await hub.Server.GetJsonAsync<JsonElement>("/api/v1/rules/library/traffic/ParkingLifecycle/versions/3");
        Assert.Equal("freeRatio < 0.1 || lot.free < 20", live.GetProperty("workflow").GetProperty("Rules")[0].GetProperty("Expression").GetString());
        var audit = await hub.Server.GetJsonAsync<JsonElement>("/api/v1/audit?limit=200");
        var actions = audit.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("target").GetString() == "traffic/ParkingLifecycle").Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["rule.rollback", "rule.publish", "rule.save", "rule.publish", "rule.create"], actions);
    }

    [Fact]
    public async Task A_new_workflow_is_named_saved_into_the_library_and_listed()
    {
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword, "water", "WaterLevelWarning");
        await page.GetByTestId("rules-new").ClickAsync();
        await Expect(page.GetByTestId("rules-save-state")).ToHaveTextAsync("尚未保存", Text);
        await page.GetByTestId("workflow-name").FillAsync("PumpStationCheck");
        await page.Locator("li[data-rule-path='Rules[0]'] > [data-testid=rule-node]").ClickAsync();
        await page.GetByTestId("rule-expression").Locator(".cm-content").FillAsync("station.levelM > 2.5");

        await page.GetByTestId("rules-save").ClickAsync();

        await Expect(page.Locator("[data-workflow=PumpStationCheck] [data-testid=library-item-version]")).ToHaveTextAsync("仅草稿", Text);
        await Expect(page.GetByTestId("rules-save-state")).ToHaveTextAsync("已保存 · 从未发布", Text);
        await Expect(page.GetByTestId("workflow-node")).ToContainTextAsync("PumpStationCheck", new() { Timeout = 30_000 });
        Assert.Contains("name=PumpStationCheck", page.Url, StringComparison.Ordinal);
        await page.GetByTestId("workflow-node").ClickAsync();
        await Expect(page.GetByTestId("workflow-name")).ToBeDisabledAsync(new() { Timeout = 30_000 });
        Assert.Equal("station.levelM > 2.5", (await DraftAsync("PumpStationCheck", "water"))["Rules"]![0]!["Expression"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_syntax_error_in_an_expression_shows_at_the_field_and_on_the_tree_node_with_its_line()
    {
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword, "traffic", "ParkingNearlyFull");
        var node = page.Locator("li[data-rule-path='Rules[0]'] > [data-testid=rule-node]");
        await node.ClickAsync();

        await page.GetByTestId("rule-expression").Locator(".cm-content").FillAsync("freeRatio < 0.1 ||\n(lot.free <) 20");

        await Expect(node.GetByTestId("rule-node-problems")).ToHaveTextAsync("1 个问题", Text);
        var problem = page.GetByTestId("rule-expression").GetByTestId("field-problem");
        await Expect(problem).ToContainTextAsync("第 2 行", new() { Timeout = 30_000 });
        await Expect(problem).ToContainTextAsync("Syntax error at line 2", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rule-expression").Locator(".cm-lintRange-error")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-status")).ToHaveTextAsync("1 个问题", Text);
        await DesignerHub.ScreenshotAsync(page, "rules-04-syntax-error-zh");

        await page.GetByTestId("rule-expression").Locator(".cm-content").FillAsync("freeRatio < 0.1 || lot.free < 20");
        await Expect(page.GetByTestId("rules-status")).ToHaveTextAsync("没有问题", Text);
        await Expect(node.GetByTestId("rule-node-problems")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-save-state")).ToHaveTextAsync("已保存 · 第 1 版生效中", Text);
    }

    [Fact]
    public async Task Publishing_a_workflow_with_problems_is_refused_and_shows_them()
    {
        await CopySampleAsync("ParkingBroken", "parking-nearly-full");
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword, "traffic", "ParkingBroken");
        await page.Locator("li[data-rule-path='Rules[0]'] > [data-testid=rule-node]").ClickAsync();
        await page.GetByTestId("rule-expression").Locator(".cm-content").FillAsync("lot.free <");

        await page.GetByTestId("rules-publish").ClickAsync();
        await page.GetByTestId("publish-confirm").ClickAsync();

        await Expect(page.GetByTestId("rules-error")).ToContainTextAsync("未发布", new() { Timeout = 30_000 });
        await Expect(page.Locator("li[data-rule-path='Rules[0]'] > [data-testid=rule-node] [data-testid=rule-node-problems]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await DesignerHub.ScreenshotAsync(page, "rules-05-publish-refused-zh");
        var versions = await hub.Server.GetJsonAsync<JsonElement>("/api/v1/rules/library/traffic/ParkingBroken/versions");
        Assert.Equal(1, versions.GetArrayLength());
    }

    [Fact]
    public async Task A_nested_rule_without_an_operator_shows_the_validators_problem_on_the_parent_node()
    {
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword, "traffic", "ParkingNearlyFull");
        await page.GetByTestId("rules-new").ClickAsync();
        var parent = page.Locator("li[data-rule-path='Rules[0]'] > [data-testid=rule-node]");
        await parent.ClickAsync();

        await page.GetByTestId("tree-add-child").ClickAsync();

        await Expect(page.Locator("li[data-rule-path='Rules[0].Rules[0]'] > [data-testid=rule-node]")).ToContainTextAsync("Rule2", new() { Timeout = 30_000 });
        await Expect(parent.GetByTestId("rule-node-problems")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Contains("Rules[0].Operator", await parent.GetByTestId("rule-node-problems").GetAttributeAsync("title"), StringComparison.Ordinal);
        await parent.ClickAsync();
        await Expect(page.GetByTestId("rule-form").Locator("[data-path='Rules[0].Operator']")).ToContainTextAsync("no Operator", new() { Timeout = 30_000 });

        await page.GetByTestId("rule-operator").SelectOptionAsync("AndAlso");
        await page.GetByTestId("rule-expression").Locator(".cm-content").FillAsync(string.Empty);
        await Expect(page.GetByTestId("rules-status")).ToHaveTextAsync("没有问题", Text);
        await Expect(parent).ToContainTextAsync("AndAlso", new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task Deleting_a_rule_with_its_children_can_be_undone()
    {
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword, "water", "WaterLevelWarning");
        await page.Locator("li[data-rule-path='Rules[0]'] > [data-testid=rule-node]").ClickAsync();

        await page.GetByTestId("tree-delete").ClickAsync();

        await Expect(page.GetByTestId("rule-node")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-notice")).ToContainTextAsync("已删除规则“OverWarningLineAndRising”", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-status")).ToHaveTextAsync("1 个问题", Text);
        await page.GetByTestId("rules-undo").ClickAsync();
        await Expect(page.GetByTestId("rule-node")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rule-form").Locator("[data-testid=rule-name]")).ToHaveValueAsync("OverWarningLineAndRising", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-status")).ToHaveTextAsync("没有问题", Text);
    }

    [Fact]
    public async Task Importing_a_malformed_file_says_so_and_a_good_one_lands_in_the_library_as_a_draft()
    {
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword, "water", "WaterLevelWarning");

        await page.GetByTestId("rules-import-file").SetInputFilesAsync(new FilePayload { Name = "broken.json", MimeType = "application/json", Buffer = "{ \"WorkflowName\": \"x\", "u8.ToArray() });

        await Expect(page.GetByTestId("rules-error")).ToContainTextAsync("“broken.json”不是有效的 JSON", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("workflow-node")).ToContainTextAsync("WaterLevelWarning", new() { Timeout = 30_000 });
        await DesignerHub.ScreenshotAsync(page, "rules-06-import-malformed-zh");

        await page.GetByTestId("rules-import-file").SetInputFilesAsync(new FilePayload { Name = "list.json", MimeType = "application/json", Buffer = "[1, 2]"u8.ToArray() });
        await Expect(page.GetByTestId("rules-error")).ToContainTextAsync("“list.json”是 JSON，但不是规则工作流", new() { Timeout = 30_000 });

        await page.GetByTestId("rules-import-file").SetInputFilesAsync(new FilePayload { Name = "mine.json", MimeType = "application/json", Buffer = "[ { \"WorkflowName\": \"Mine\", \"Rules\": [ { \"RuleName\": \"Only\", \"Expression\": \"true\" } ] } ]"u8.ToArray() });
        await Expect(page.GetByTestId("rules-notice")).ToContainTextAsync("作为草稿导入规则库：Mine", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("workflow-node")).ToContainTextAsync("Mine", new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-workflow=Mine] [data-testid=library-item]")).ToHaveAttributeAsync("aria-current", "true", new() { Timeout = 30_000 });
        Assert.Equal("true", (await DraftAsync("Mine", "water"))["Rules"]![0]!["Expression"]!.GetValue<string>());
    }

    [Fact]
    public async Task Export_downloads_the_workflow_and_the_departments_published_ones_as_RulesEngine_json()
    {
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword, "health", "CreditEligibility");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("rules-export").ClickAsync());
        var department = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("rules-export-department").ClickAsync());

        Assert.Equal("CreditEligibility.json", download.SuggestedFilename);
        using var exported = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync()));
        Assert.Equal("CreditEligibility", exported.RootElement.GetProperty("WorkflowName").GetString());
        Assert.Equal("health-rules.json", department.SuggestedFilename);
        using var all = JsonDocument.Parse(await File.ReadAllTextAsync(await department.PathAsync()));
        Assert.Equal(["CreditEligibility", "CreditEligibilityLambda"], all.RootElement.EnumerateArray().Select(w => w.GetProperty("WorkflowName").GetString()));
    }

    [Fact]
    public async Task Inputs_that_are_not_json_are_refused_at_the_field_and_stop_a_save()
    {
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword, "traffic", "ParkingNearlyFull");

        await page.GetByTestId("test-inputs").FillAsync("{ \"lot\": { \"free\": 12, } ");
        await page.GetByTestId("test-run").ClickAsync();

        await Expect(page.GetByTestId("test-inputs-problem")).ToContainTextAsync("输入不是有效的 JSON", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("test-outcome")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.GetByTestId("rules-save").ClickAsync();
        await Expect(page.GetByTestId("rules-error")).ToContainTextAsync("未保存：测试用例“pass”", new() { Timeout = 30_000 });
        await page.GetByTestId("test-inputs").FillAsync("[1]");
        await page.GetByTestId("test-run").ClickAsync();
        await Expect(page.GetByTestId("test-inputs-problem")).ToContainTextAsync("输入必须是 JSON 对象", new() { Timeout = 30_000 });
        var draft = await hub.Server.GetJsonAsync<JsonElement>("/api/v1/rules/library/traffic/ParkingNearlyFull");
        Assert.Equal(12, draft.GetProperty("testCases").GetProperty("pass").GetProperty("lot").GetProperty("free").GetInt32());
    }

    [Fact]
    public async Task The_language_switch_reopens_the_saved_workflow_in_English()
    {
        await CopySampleAsync("WaterEnglish", "water-level-warning", "water");
        var page = await OpenRulesAsync("admin", HubServer.AdminPassword, "water", "WaterEnglish");
        await page.Locator("li[data-rule-path='Rules[0]'] > [data-testid=rule-node]").ClickAsync();
        await page.GetByTestId("rule-success-event").FillAsync("water.level-warning.east");
        await page.GetByTestId("rules-save").ClickAsync();
        await Expect(page.GetByTestId("rules-save-state")).ToHaveTextAsync("已保存 · 草稿与生效的第 1 版不同", Text);

        await page.GetByTestId("language-switch").Locator("button[value=en]").ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Rules", Text);
        await Expect(page.GetByTestId("rules-new")).ToHaveTextAsync("+ New workflow", Text);
        await Expect(page.GetByTestId("workflow-node")).ToContainTextAsync("WaterEnglish", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-save-state")).ToHaveTextAsync("Saved · draft differs from live version 1", Text);
        await Expect(page.GetByTestId("rules-status")).ToHaveTextAsync("No problems", Text);
        await page.GetByTestId("test-case").SelectOptionAsync(new SelectOptionValue { Label = "pass" });
        await page.GetByTestId("test-run").ClickAsync();
        var rule = page.Locator("[data-result-rule=OverWarningLineAndRising]");
        await Expect(rule.GetByTestId("result-outcome").First).ToHaveTextAsync("passed", Text);
        await Expect(page.GetByTestId("test-outcome")).ToContainTextAsync("water.level-warning.east", new() { Timeout = 30_000 });
        await page.Locator("li[data-rule-path='Rules[0]'] > [data-testid=rule-node]").ClickAsync();
        await DesignerHub.ScreenshotAsync(page, "rules-07-water-pass-en");

        await page.GetByTestId("rules-publish").ClickAsync();
        await page.GetByTestId("publish-comment").FillAsync("east district event name");
        await page.GetByTestId("publish-confirm").ClickAsync();
        await Expect(page.GetByTestId("rules-notice")).ToContainTextAsync("as version 2", new() { Timeout = 30_000 });
        await page.Locator("[data-testid=library-version][data-version='2'] [data-testid=version-diff-toggle]").ClickAsync();
        await Expect(page.GetByTestId("version-diff")).ToContainTextAsync("Rules[0].SuccessEvent", new() { Timeout = 30_000 });
        await DesignerHub.ScreenshotAsync(page, "rules-08-published-diff-en");
    }

    [Fact]
    public async Task A_viewer_sees_their_departments_library_read_only_with_a_note()
    {
        await hub.Server.CreateUserAsync("rules-viewer", ["viewer"], ["water"]);
        var page = await OpenRulesAsync("rules-viewer", HubServer.UserPassword, "water", "WaterLevelWarning");

        await Expect(page.GetByTestId("rules-read-only")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("library-department").Locator("option")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("test-run")).ToBeDisabledAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-save")).ToBeDisabledAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-publish")).ToBeDisabledAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rules-new")).ToBeDisabledAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("version-rollback")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.Locator("li[data-rule-path='Rules[0].Rules[0]'] > [data-testid=rule-node]").ClickAsync();
        await Expect(page.GetByTestId("rule-name")).ToBeDisabledAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("rule-expression").Locator(".cm-content")).ToHaveAttributeAsync("contenteditable", "false", new() { Timeout = 30_000 });
        await DesignerHub.ScreenshotAsync(page, "rules-09-viewer-read-only-zh");
    }

    private async Task<IPage> OpenRulesAsync(string user, string password, string? department = null, string? name = null)
    {
        var page = await hub.NewPageAsync();
        page.PageError += (_, e) => Console.WriteLine("BROWSER ERROR: " + e);
        await DesignerHub.SignInAsync(page, user, password);
        await page.GotoAsync(department is null ? "/rules" : $"/rules?department={department}&name={name}");
        await Expect(page.GetByTestId("rule-tree")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        if (name is not null)
        {
            await Expect(page.GetByTestId("workflow-node")).ToContainTextAsync(name, new() { Timeout = 30_000 });
        }

        return page;
    }

    /// <summary>A published copy of a shipped sample under another name, with the sample's test cases.</summary>
    private async Task CopySampleAsync(string name, string sample, string department = "traffic")
    {
        var folder = Path.Combine(RepoPaths.Root, "samples", "rules");
        var workflow = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, $"{sample}.json")))!.AsObject();
        workflow["WorkflowName"] = name;
        var cases = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, $"{sample}.inputs.json")));
        await HubServer.EnsureSuccessAsync(await hub.Server.Client.PostAsJsonAsync($"/api/v1/rules/library/{department}", new JsonObject { ["name"] = name, ["workflow"] = workflow, ["testCases"] = cases }));
        await HubServer.EnsureSuccessAsync(await hub.Server.Client.PostAsync(new Uri($"/api/v1/rules/library/{department}/{name}/publish", UriKind.Relative), null));
    }

    private async Task<JsonNode> DraftAsync(string name, string department = "traffic") =>
        JsonNode.Parse((await hub.Server.GetJsonAsync<JsonElement>($"/api/v1/rules/library/{department}/{name}")).GetProperty("draft").GetRawText())!;
}
