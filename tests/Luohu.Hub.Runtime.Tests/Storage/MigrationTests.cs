using Luohu.Hub.Runtime.Storage;
using Luohu.Hub.Runtime.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Luohu.Hub.Runtime.Tests.Storage;

public sealed class MigrationTests
{
    [Fact]
    public async Task Initialize_FreshDatabase_AppliesEveryMigrationOnce()
    {
        await using var store = await TempStore.CreateAsync();

        Assert.Equal(Migration.LoadEmbedded().Count, await store.ScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
        Assert.True(File.Exists(Path.Combine(store.Folder, "hub.db")));
        Assert.Equal("wal", await store.ScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1L, await store.ScalarAsync<long>("PRAGMA foreign_keys"));
    }

    [Fact]
    public async Task Initialize_Again_IsANoOp()
    {
        await using var store = await TempStore.CreateAsync();
        var initializer = store.Services.GetRequiredService<IHubStoreInitializer>();
        var appliedAt = await store.ScalarAsync<long>("SELECT MAX(applied_at) FROM schema_migrations");
        store.Clock.Advance(TimeSpan.FromHours(1));

        var version = await initializer.InitializeAsync(CancellationToken.None);

        Assert.Equal(Migration.LoadEmbedded()[^1].Version, version);
        Assert.Equal(appliedAt, await store.ScalarAsync<long>("SELECT MAX(applied_at) FROM schema_migrations"));
        Assert.Equal(Migration.LoadEmbedded().Count, await store.ScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Initialize_DatabaseNewerThanCode_IsRefusedWithAClearMessage()
    {
        await using var store = await TempStore.CreateAsync();
        await store.ScalarAsync<long>("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0) RETURNING version");

        var ex = await Assert.ThrowsAsync<StoreMigrationException>(() =>
            store.Services.GetRequiredService<IHubStoreInitializer>().InitializeAsync(CancellationToken.None).AsTask());

        Assert.Contains("999", ex.Message, StringComparison.Ordinal);
        Assert.Contains("newer hub", ex.Message, StringComparison.Ordinal);
        Assert.Equal(999, ex.DatabaseVersion);
    }

    [Fact]
    public async Task Initialize_FailingMigration_RollsBackAndLeavesThePreviousVersion()
    {
        await using var store = await TempStore.CreateAsync();
        var embedded = Migration.LoadEmbedded();
        var broken = new Migration(embedded[^1].Version + 1, "broken", "CREATE TABLE half_done (a INTEGER); INSERT INTO no_such_table VALUES (1);");
        var initializer = new SqliteStoreInitializer(store.Connections, store.Clock, NullLogger<SqliteStoreInitializer>.Instance, [.. embedded, broken]);

        var ex = await Assert.ThrowsAsync<StoreMigrationException>(() => initializer.InitializeAsync(CancellationToken.None).AsTask());

        Assert.Equal(embedded[^1].Version, ex.DatabaseVersion);
        Assert.Contains("'broken' of", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"stays at schema version {embedded[^1].Version}", ex.Message, StringComparison.Ordinal);
        Assert.Equal(embedded[^1].Version, await store.ScalarAsync<long>("SELECT MAX(version) FROM schema_migrations"));
        Assert.Equal(0L, await store.ScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'"));
    }

    [Fact]
    public async Task Upgrade_FromVersion2_DeclaresJavaScriptOnStoredRuleWorkflows_AndLeavesTheRestAlone()
    {
        await using var store = await TempStore.CreateAsync(initialize: false);
        var all = Migration.LoadEmbedded();
        await new SqliteStoreInitializer(store.Connections, store.Clock, NullLogger<SqliteStoreInitializer>.Instance, [.. all.Where(m => m.Version <= 2)])
            .InitializeAsync(CancellationToken.None);
        const string Flow = """
            { "id": "f", "name": "F", "department": "traffic", "nodes": [
              { "id": "r", "type": "rule", "config": { "workflow": { "WorkflowName": "W", "Rules": [ { "RuleName": "a", "Expression": "msg.payload.free < 10" } ] } } },
              { "id": "l", "type": "rule", "config": { "workflow": { "WorkflowName": "L", "RuleExpressionType": "LambdaExpression", "Rules": [] } } },
              { "id": "s", "type": "script", "config": { "code": "return msg;" } } ], "wires": [] }
            """;
        await store.ScalarAsync<string>($"INSERT INTO flows (id, name, department, json, created_by, created_at, updated_by, updated_at) VALUES ('f', 'F', 'traffic', '{Flow}', 'a', 0, 'a', 0) RETURNING id");
        await store.ScalarAsync<string>($"INSERT INTO flow_versions (flow_id, version, json, author, created_at) VALUES ('f', 1, '{Flow}', 'a', 0) RETURNING flow_id");

        await store.Services.GetRequiredService<IHubStoreInitializer>().InitializeAsync(CancellationToken.None);

        foreach (var json in new[] { await store.ScalarAsync<string>("SELECT json FROM flows"), await store.ScalarAsync<string>("SELECT json FROM flow_versions") })
        {
            var nodes = System.Text.Json.Nodes.JsonNode.Parse(json)!["nodes"]!;
            Assert.Equal("JavaScript", (string?)nodes[0]!["config"]!["workflow"]!["RuleExpressionType"]);
            Assert.Equal("LambdaExpression", (string?)nodes[1]!["config"]!["workflow"]!["RuleExpressionType"]);
            Assert.Equal("return msg;", (string?)nodes[2]!["config"]!["code"]);
        }
    }

    [Fact]
    public void LoadEmbedded_FindsTheInitialMigration()
    {
        var first = Migration.LoadEmbedded()[0];
        Assert.Equal((1, "initial"), (first.Version, first.Name));
        Assert.Contains("CREATE TABLE flows", first.Sql, StringComparison.Ordinal);
    }
}
