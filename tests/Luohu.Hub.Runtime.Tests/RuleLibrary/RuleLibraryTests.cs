using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.RuleLibrary;
using Luohu.Hub.Runtime.Storage;
using Luohu.Hub.Runtime.Tests.Flows;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Tests.RuleLibrary;

/// <summary>The rules library on the real SQLite store: drafts, versions, diff, rollback, import, export, restart.</summary>
public sealed class RuleLibraryTests : IAsyncLifetime
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "luohu-rules-" + Guid.NewGuid().ToString("N"));
    private FlowTestHost _host = null!;

    private IRuleLibrary Library => _host.Provider.GetRequiredService<IRuleLibrary>();

    public async Task InitializeAsync() => _host = await StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataPath, recursive: true);
    }

    private async Task<FlowTestHost> StartAsync(string? samples = null)
    {
        var host = new FlowTestHost(services =>
        {
            services.AddHubSqliteStore(o => o.DataPath = _dataPath);
            services.Configure<RuleLibraryOptions>(o => o.SamplesPath = samples ?? string.Empty);
        });
        await host.StartAsync();
        return host;
    }

    private static JsonNode Workflow(string name, string expression) => JsonNode.Parse($$"""
        { "WorkflowName": "{{name}}", "RuleExpressionType": "JavaScript",
          "Rules": [ { "RuleName": "few-free", "Expression": "{{expression}}" } ] }
        """)!;

    [Fact]
    public async Task Draft_IsSavedWithItsProblems_AndAWorkflowWithoutANameTakesTheLibraryName()
    {
        var saved = await Library.SaveDraftAsync("traffic", "Nearly", JsonNode.Parse("""{ "Rules": [ { "RuleName": "a", "RuleExpressionType": "JavaScript", "Expression": "lot.free <" } ] }""")!,
            null, "car parks", create: true, "li.na", CancellationToken.None);

        var problem = Assert.Single(saved.Problems);
        Assert.Equal("Rules[0].Expression", problem.Path);
        var detail = await Library.GetAsync("traffic", "Nearly", CancellationToken.None);
        Assert.Equal("Nearly", detail.Draft["WorkflowName"]!.GetValue<string>());
        Assert.Equal("car parks", detail.Description);
        Assert.Equal("li.na", detail.UpdatedBy);
        Assert.Null(detail.LatestVersion);
        Assert.True(detail.HasUnpublishedChanges);

        var refused = await Assert.ThrowsAsync<RuleLibraryException>(() => Library.PublishAsync("traffic", "Nearly", "li.na", null, CancellationToken.None).AsTask());
        Assert.Equal(RuleLibraryErrorKind.Invalid, refused.Kind);
        Assert.Equal("Rules[0].Expression", Assert.Single(refused.Problems).Path);
        Assert.Empty(await Library.ListVersionsAsync("traffic", "Nearly", CancellationToken.None));
    }

    [Fact]
    public async Task Create_RefusesAnExistingName_AndAWorkflowNamedOtherwise()
    {
        await Library.SaveDraftAsync("traffic", "Nearly", Workflow("Nearly", "lot.free < 20"), null, null, create: true, "li.na", CancellationToken.None);

        var twice = await Assert.ThrowsAsync<RuleLibraryException>(() =>
            Library.SaveDraftAsync("traffic", "Nearly", Workflow("Nearly", "lot.free < 5"), null, null, create: true, "li.na", CancellationToken.None).AsTask());
        var renamed = await Assert.ThrowsAsync<RuleLibraryException>(() =>
            Library.SaveDraftAsync("traffic", "Nearly", Workflow("Other", "lot.free < 5"), null, null, create: false, "li.na", CancellationToken.None).AsTask());
        var badName = await Assert.ThrowsAsync<RuleLibraryException>(() =>
            Library.SaveDraftAsync("traffic", "no spaces", Workflow("no spaces", "true"), null, null, create: true, "li.na", CancellationToken.None).AsTask());

        Assert.Equal(RuleLibraryErrorKind.Conflict, twice.Kind);
        Assert.Equal(RuleLibraryErrorKind.Invalid, renamed.Kind);
        Assert.Contains("(\"Other\")", renamed.Message, StringComparison.Ordinal);
        Assert.Equal(RuleLibraryErrorKind.Invalid, badName.Kind);
        Assert.Equal("lot.free < 20", (await Library.GetAsync("traffic", "Nearly", CancellationToken.None)).Draft["Rules"]![0]!["Expression"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publish_KeepsEveryVersionWithAuthorAndComment_DiffNamesTheField_RollbackPublishesTheOldContentAgain()
    {
        await Library.SaveDraftAsync("traffic", "Nearly", Workflow("Nearly", "lot.free < 20"), null, null, create: true, "li.na", CancellationToken.None);
        var v1 = await Library.PublishAsync("traffic", "Nearly", "li.na", "first", CancellationToken.None);
        await Library.SaveDraftAsync("traffic", "Nearly", Workflow("Nearly", "lot.free < 10"), null, null, create: false, "wang.wei", CancellationToken.None);
        Assert.True((await Library.GetAsync("traffic", "Nearly", CancellationToken.None)).HasUnpublishedChanges);
        var v2 = await Library.PublishAsync("traffic", "Nearly", "wang.wei", "stricter", CancellationToken.None);

        var rolledBack = await Library.RollbackAsync("traffic", "Nearly", 1, "li.na", CancellationToken.None);

        Assert.Equal((1, 2, 3), (v1.Version, v2.Version, rolledBack.Version));
        var versions = await Library.ListVersionsAsync("traffic", "Nearly", CancellationToken.None);
        Assert.Equal(["li.na:first", "wang.wei:stricter", "li.na:rollback to version 1"], versions.Select(v => $"{v.Author}:{v.Comment}"));
        var change = Assert.Single(await Library.DiffAsync("traffic", "Nearly", 1, 2, CancellationToken.None));
        Assert.Equal("Rules[0].Expression", change.Path);
        Assert.Equal(("lot.free < 20", "lot.free < 10"), (change.Before!.GetValue<string>(), change.After!.GetValue<string>()));
        Assert.Empty(await Library.DiffAsync("traffic", "Nearly", 1, 3, CancellationToken.None));
        Assert.Equal("lot.free < 20", Library.Follow("traffic", "Nearly").Current!.Workflow.Workflow.Rules![0].Expression);
        Assert.Equal(3, Library.Follow("traffic", "Nearly").Current!.Version);
        Assert.Equal([1, 2, 3], Library.PublishedVersions("traffic", "Nearly")!);
        var missing = await Assert.ThrowsAsync<RuleLibraryException>(() => Library.GetVersionAsync("traffic", "Nearly", 9, CancellationToken.None).AsTask());
        Assert.Equal(RuleLibraryErrorKind.NotFound, missing.Kind);
    }

    [Fact]
    public async Task Departments_KeepTheirOwnWorkflows_UnderTheSameName()
    {
        await Library.SaveDraftAsync("traffic", "Check", Workflow("Check", "lot.free < 20"), null, null, create: true, "li.na", CancellationToken.None);
        await Library.SaveDraftAsync("water", "Check", Workflow("Check", "station.levelM > 3"), null, null, create: true, "zhao.min", CancellationToken.None);
        await Library.PublishAsync("water", "Check", "zhao.min", null, CancellationToken.None);

        Assert.Equal(["traffic/Check", "water/Check"], (await Library.ListAsync(null, CancellationToken.None)).Select(w => $"{w.Department}/{w.Name}"));
        Assert.Equal("water", Assert.Single(await Library.ListAsync("water", CancellationToken.None)).Department);
        Assert.Empty(Library.PublishedVersions("traffic", "Check")!);
        Assert.Equal([1], Library.PublishedVersions("water", "Check")!);
        Assert.Null(Library.PublishedVersions("health", "Check"));
    }

    [Fact]
    public async Task Delete_IsRefusedWhileAFlowUsesTheWorkflow_ThenRemovesItsHistory()
    {
        await Library.SaveDraftAsync("traffic", "Nearly", Workflow("Nearly", "lot.free < 20"), null, null, create: true, "li.na", CancellationToken.None);
        await Library.PublishAsync("traffic", "Nearly", "li.na", null, CancellationToken.None);
        var attached = Library.Attach("traffic", "Nearly", "parking-guidance");

        var refused = await Assert.ThrowsAsync<RuleLibraryException>(() => Library.DeleteAsync("traffic", "Nearly", CancellationToken.None).AsTask());
        Assert.Equal(RuleLibraryErrorKind.Conflict, refused.Kind);
        Assert.Contains("parking-guidance", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["parking-guidance"], (await Library.GetAsync("traffic", "Nearly", CancellationToken.None)).FollowedBy);

        attached.Dispose();
        await Library.DeleteAsync("traffic", "Nearly", CancellationToken.None);

        Assert.Null(Library.PublishedVersions("traffic", "Nearly"));
        Assert.Null(Library.Follow("traffic", "Nearly").Current);
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM rule_workflow_versions"));
    }

    [Fact]
    public async Task Import_SavesEachWorkflowOfAList_PublishesTheValidOnes_AndExportGivesThemBack()
    {
        var body = new JsonArray(Workflow("A", "lot.free < 20"), Workflow("B", "lot.free <"));

        var results = await Library.ImportAsync("traffic", body, publish: true, "li.na", CancellationToken.None);

        Assert.Equal(["A:1", "B:"], results.Select(r => $"{r.Name}:{r.PublishedVersion}"));
        Assert.All(results, r => Assert.True(r.Created));
        Assert.Single(results[1].Problems);
        var export = await Library.ExportAsync("traffic", CancellationToken.None);
        Assert.True(JsonNode.DeepEquals(Workflow("A", "lot.free < 20"), Assert.Single(export)));

        var again = await Library.ImportAsync("traffic", Workflow("A", "lot.free < 5"), publish: true, "li.na", CancellationToken.None);
        Assert.Equal(("A", false, (int?)2), (again[0].Name, again[0].Created, again[0].PublishedVersion));
    }

    [Fact]
    public async Task Import_WithAWorkflowWithoutAUsableName_ImportsNothing()
    {
        var body = new JsonArray(Workflow("A", "true"), JsonNode.Parse("""{ "Rules": [] }"""));

        var refused = await Assert.ThrowsAsync<RuleLibraryException>(() => Library.ImportAsync("traffic", body, publish: true, "li.na", CancellationToken.None).AsTask());

        Assert.Contains("Workflow 1", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await Library.ListAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task AfterARestart_VersionsDraftsAndTheLatestVersionAreBack()
    {
        await Library.SaveDraftAsync("traffic", "Nearly", Workflow("Nearly", "lot.free < 20"), JsonNode.Parse("""{ "few": { "lot": { "free": 3 } } }""")!.AsObject(),
            null, create: true, "li.na", CancellationToken.None);
        await Library.PublishAsync("traffic", "Nearly", "li.na", "first", CancellationToken.None);
        await Library.SaveDraftAsync("traffic", "Nearly", Workflow("Nearly", "lot.free < 7"), JsonNode.Parse("""{ "few": { "lot": { "free": 6 } } }""")!.AsObject(),
            null, create: false, "li.na", CancellationToken.None);

        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _host = await StartAsync();

        var detail = await Library.GetAsync("traffic", "Nearly", CancellationToken.None);
        Assert.Equal("lot.free < 7", detail.Draft["Rules"]![0]!["Expression"]!.GetValue<string>());
        Assert.Equal(6, detail.TestCases!["few"]!["lot"]!["free"]!.GetValue<int>());
        Assert.Equal(1, detail.LatestVersion);
        Assert.Equal("lot.free < 20", Library.Follow("traffic", "Nearly").Current!.Workflow.Workflow.Rules![0].Expression);
    }

    [Fact]
    public async Task FirstStart_ImportsAndPublishesTheDistrictSamples_InBothDialects()
    {
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _host = await StartAsync(Path.Combine(RepoPaths.Root, "samples", "rules"));

        var workflows = await Library.ListAsync(null, CancellationToken.None);

        Assert.Equal(
            ["health/CreditEligibility", "health/CreditEligibilityLambda", "traffic/ParkingNearlyFull", "traffic/ParkingNearlyFullLambda", "water/WaterLevelWarning", "water/WaterLevelWarningLambda"],
            workflows.Select(w => $"{w.Department}/{w.Name}"));
        Assert.All(workflows, w => Assert.Equal(1, w.LatestVersion));
        var water = await Library.GetAsync("water", "WaterLevelWarningLambda", CancellationToken.None);
        Assert.True(water.TestCases!.ContainsKey("pass"));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await _host.Provider.GetRequiredService<Luohu.Hub.Runtime.Storage.Sqlite.SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
