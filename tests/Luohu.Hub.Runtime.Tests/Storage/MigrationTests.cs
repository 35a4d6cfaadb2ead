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
    public void LoadEmbedded_FindsTheInitialMigration()
    {
        var first = Migration.LoadEmbedded()[0];
        Assert.Equal((1, "initial"), (first.Version, first.Name));
        Assert.Contains("CREATE TABLE flows", first.Sql, StringComparison.Ordinal);
    }
}
