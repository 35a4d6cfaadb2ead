using Luohu.Hub.Runtime.Plugins;
using Luohu.Hub.Runtime.Storage;
using Luohu.Hub.Runtime.Storage.Sqlite;
using Luohu.Hub.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Tests.Storage;

public sealed class PluginStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Settings_RoundTripUpdateAndDelete()
    {
        await using var store = await TempStore.CreateAsync();
        var settings = store.Services.GetRequiredService<IPluginSettingsStore>();
        var at = store.Clock.GetUtcNow();

        await settings.SetAsync(new PluginSettings { PluginId = "luohu.parking", Enabled = true, UpdatedAt = at }, None);
        await settings.SetAsync(new PluginSettings { PluginId = "luohu.parking", Enabled = false, QuarantineReason = "threw 50 times", UpdatedAt = at.AddMinutes(1) }, None);

        Assert.Equal(new PluginSettings { PluginId = "luohu.parking", Enabled = false, QuarantineReason = "threw 50 times", UpdatedAt = at.AddMinutes(1) },
            await settings.GetAsync("luohu.parking", None));
        await settings.DeleteAsync("luohu.parking", None);
        Assert.Null(await settings.GetAsync("luohu.parking", None));
    }

    [Fact]
    public async Task State_IsPrivatePerPlugin_AndSurvivesARestart()
    {
        await using var store = await TempStore.CreateAsync();
        await Factory(store).Create("a").SetAsync("cursor", "17", None);
        await Factory(store).Create("b").SetAsync("cursor", "99", None);

        await store.RestartAsync();

        Assert.Equal("17", await Factory(store).Create("a").GetAsync("cursor", None));
        Assert.Equal("99", await Factory(store).Create("b").GetAsync("cursor", None));
        Assert.Null(await Factory(store).Create("c").GetAsync("cursor", None));
    }

    [Fact]
    public async Task State_RemoveAndDeleteAll()
    {
        await using var store = await TempStore.CreateAsync();
        var a = Factory(store).Create("a");
        await a.SetAsync("k1", "1", None);
        await a.SetAsync("k2", "2", None);
        await Factory(store).Create("b").SetAsync("k1", "x", None);

        await a.RemoveAsync("k1", None);
        await a.RemoveAsync("absent", None);
        Assert.Null(await a.GetAsync("k1", None));

        await Factory(store).DeleteAllAsync("a", None);
        Assert.Null(await a.GetAsync("k2", None));
        Assert.Equal("x", await Factory(store).Create("b").GetAsync("k1", None));
    }

    [Fact]
    public async Task State_KeyOver200Characters_IsRefused()
    {
        await using var store = await TempStore.CreateAsync();
        var state = Factory(store).Create("a");

        await state.SetAsync(new string('k', 200), "ok", None);
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => state.SetAsync(new string('k', 201), "v", None).AsTask());

        Assert.Equal("key", ex.ParamName);
        Assert.Contains("201 characters, over the 200-character limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_ValueOver64KiB_IsRefused()
    {
        await using var store = await TempStore.CreateAsync();
        var state = Factory(store).Create("a");

        await state.SetAsync("k", new string('v', 64 * 1024), None);
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => state.SetAsync("k", new string('é', 32 * 1024 + 1), None).AsTask());

        Assert.Equal("value", ex.ParamName);
        Assert.Contains("65538 bytes of UTF-8, over the 65536-byte (64 KiB) limit", ex.Message, StringComparison.Ordinal);
        Assert.Equal(64 * 1024, (await state.GetAsync("k", None))!.Length);
    }

    [Fact]
    public async Task State_EmptyKey_IsRefused()
    {
        await using var store = await TempStore.CreateAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => Factory(store).Create("a").GetAsync("", None).AsTask());
    }

    [Fact]
    public void AddHubSqliteStore_ReplacesEarlierRegistrations()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IPluginSettingsStore, NullSettings>();
        services.AddHubSqliteStore(o => o.DataPath = Path.GetTempPath());
        using var provider = services.BuildServiceProvider();

        Assert.IsType<SqlitePluginSettingsStore>(Assert.Single(provider.GetServices<IPluginSettingsStore>()));
        Assert.IsType<SqliteFlowStore>(provider.GetRequiredService<IFlowStore>());
    }

    private static IPluginStateStoreFactory Factory(TempStore store) => store.Services.GetRequiredService<IPluginStateStoreFactory>();

    private sealed class NullSettings : IPluginSettingsStore
    {
        public ValueTask<PluginSettings?> GetAsync(string pluginId, CancellationToken cancellationToken) => ValueTask.FromResult<PluginSettings?>(null);

        public ValueTask SetAsync(PluginSettings settings, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DeleteAsync(string pluginId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
