using Luohu.Hub.Runtime.Security;
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

    public static TheoryData<int> EarlierSchemas()
    {
        var data = new TheoryData<int>();
        foreach (var version in Migration.LoadEmbedded().Select(m => m.Version).Where(v => v < Migration.LoadEmbedded()[^1].Version))
        {
            data.Add(version);
        }

        return data;
    }

    /// <summary>Every schema the hub has shipped, holding a flow written as hubs of that time wrote it, upgrades to this build's.</summary>
    [Theory]
    [MemberData(nameof(EarlierSchemas))]
    public async Task Upgrade_FromEachEarlierSchema_ReachesTheLatestAndKeepsTheFlow(int from)
    {
        await using var store = await TempStore.CreateAsync(initialize: false);
        var all = Migration.LoadEmbedded();
        await new SqliteStoreInitializer(store.Connections, store.Clock, NullLogger<SqliteStoreInitializer>.Instance, [.. all.Where(m => m.Version <= from)])
            .InitializeAsync(CancellationToken.None);
        // Hubs from schema 3 on wrote the rule dialect; hubs before schema 7 wrote webhooks without auth.
        var dialect = from >= 3 ? """ "RuleExpressionType": "JavaScript", """ : string.Empty;
        var auth = from >= 7 ? """ "auth": "public", """ : string.Empty;
        var flowJson = $$"""
            { "id": "old", "name": "Old", "department": "fire", "nodes": [
              { "id": "hook", "type": "trigger.http", "config": { {{auth}} "path": "old" } },
              { "id": "r", "type": "rule", "config": { "workflow": { {{dialect}} "WorkflowName": "W", "Rules": [ { "RuleName": "a", "Expression": "msg.payload.n > 1" } ] } } } ],
              "wires": [ { "from": "hook", "to": "r" } ] }
            """;
        await store.ScalarAsync<string>($"INSERT INTO flows (id, name, department, json, created_by, created_at, updated_by, updated_at) VALUES ('old', 'Old', 'fire', '{flowJson}', 'a', 0, 'a', 0) RETURNING id");

        var version = await store.Services.GetRequiredService<IHubStoreInitializer>().InitializeAsync(CancellationToken.None);

        Assert.Equal(all[^1].Version, version);
        Assert.Equal(all.Count, await store.ScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
        var flow = await store.Flows.GetAsync("old", CancellationToken.None);
        var nodes = System.Text.Json.Nodes.JsonNode.Parse(flow!.Json)!["nodes"]!;
        Assert.Equal("public", (string?)nodes[0]!["config"]!["auth"]);
        Assert.Equal("JavaScript", (string?)nodes[1]!["config"]!["workflow"]!["RuleExpressionType"]);
    }

    [Fact]
    public async Task Upgrade_FromVersion6_WebhooksSayWhoMayCallAndNoFlowKeepsASecret()
    {
        await using var store = await TempStore.CreateAsync(initialize: false);
        var all = Migration.LoadEmbedded();
        await new SqliteStoreInitializer(store.Connections, store.Clock, NullLogger<SqliteStoreInitializer>.Instance, [.. all.Where(m => m.Version <= 6)])
            .InitializeAsync(CancellationToken.None);
        string Flow(string secret) => $$"""
            { "id": "hooks", "name": "Hooks", "department": "health", "nodes": [
              { "id": "open", "type": "trigger.http", "config": { "path": "open" } },
              { "id": "none", "type": "trigger.http", "config": { "path": "none", "auth": "none" } },
              { "id": "signed", "type": "trigger.http", "config": { "path": "signed", "auth": "hmac", "secret": "{{secret}}" } } ], "wires": [] }
            """;
        await store.ScalarAsync<string>($"INSERT INTO flows (id, name, department, json, created_by, created_at, updated_by, updated_at) VALUES ('hooks', 'Hooks', 'health', '{Flow("draft-key")}', 'a', 0, 'a', 0) RETURNING id");
        await store.ScalarAsync<string>($"INSERT INTO flow_versions (flow_id, version, json, author, created_at) VALUES ('hooks', 1, '{Flow("old-key")}', 'a', 0) RETURNING flow_id");

        await store.Services.GetRequiredService<IHubStoreInitializer>().InitializeAsync(CancellationToken.None);

        foreach (var json in new[] { await store.ScalarAsync<string>("SELECT json FROM flows"), await store.ScalarAsync<string>("SELECT json FROM flow_versions") })
        {
            Assert.DoesNotContain("-key", json, StringComparison.Ordinal);
            var nodes = System.Text.Json.Nodes.JsonNode.Parse(json)!["nodes"]!;
            Assert.Equal("public", (string?)nodes[0]!["config"]!["auth"]);
            Assert.Equal("public", (string?)nodes[1]!["config"]!["auth"]);
            Assert.Equal("hmac", (string?)nodes[2]!["config"]!["auth"]);
            Assert.Equal("hooks.signed", (string?)nodes[2]!["config"]!["secretRef"]);
        }

        // The draft's secret (the one in use) wins; it waits in the clear for the next start to encrypt it.
        Assert.Equal("draft-key", await store.ScalarAsync<string>("SELECT plaintext FROM department_secrets WHERE department = 'health' AND name = 'hooks.signed'"));

        var secrets = new DepartmentSecrets(new SqliteDepartmentSecretStore(store.Connections), new XorProtector(), new SqliteAuditLog(store.Connections, store.Clock), store.Clock, NullLogger<DepartmentSecrets>.Instance);
        await secrets.LoadAsync(CancellationToken.None);

        Assert.Equal(0L, await store.ScalarAsync<long>("SELECT COUNT(*) FROM department_secrets WHERE plaintext IS NOT NULL"));
        Assert.DoesNotContain("draft-key", await store.ScalarAsync<string>("SELECT protected_value FROM department_secrets"), StringComparison.Ordinal);
        Assert.Equal("draft-key", secrets.Reveal("health", "hooks.signed"));
    }

    /// <summary>A reversible cipher standing in for the host's key ring (Data Protection lives in the host, which its own tests cover).</summary>
    private sealed class XorProtector : ISecretProtector
    {
        public string Protect(string plaintext) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(plaintext).Select(b => (byte)(b ^ 0x5A)).ToArray());

        public string Unprotect(string protectedText) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(protectedText).Select(b => (byte)(b ^ 0x5A)).ToArray());
    }

    [Fact]
    public void LoadEmbedded_FindsTheInitialMigration()
    {
        var first = Migration.LoadEmbedded()[0];
        Assert.Equal((1, "initial"), (first.Version, first.Name));
        Assert.Contains("CREATE TABLE flows", first.Sql, StringComparison.Ordinal);
    }
}
