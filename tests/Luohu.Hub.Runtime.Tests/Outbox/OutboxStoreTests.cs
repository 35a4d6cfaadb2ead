using Luohu.Hub.Runtime.Outbox;
using Luohu.Hub.Runtime.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Tests.Outbox;

/// <summary>The SQLite outbox (migration 0006) and its in-memory twin keep the same promises.</summary>
public sealed class OutboxStoreTests : IAsyncLifetime
{
    private TempStore store = null!;

    public async Task InitializeAsync() => store = await TempStore.CreateAsync();

    public async Task DisposeAsync() => await store.DisposeAsync();

    public static TheoryData<string> Stores => new() { "sqlite", "memory" };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task AKey_IsRecordedOnce_AndASecondAddReturnsWhatIsStored(string kind)
    {
        var outbox = Of(kind);
        var (first, created) = await outbox.AddAsync(Entry("k1", "in-1"), CancellationToken.None);
        var (second, again) = await outbox.AddAsync(Entry("k1", "in-2"), CancellationToken.None);

        Assert.True(created);
        Assert.False(again);
        Assert.Equal("in-1", Assert.IsType<OutboxEntry>(second).Input[7..11]);
        Assert.Equal(first.Key, second.Key);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task OnlyAPendingEntry_Completes_AndAnErrorCountsAnAttempt(string kind)
    {
        var outbox = Of(kind);
        await outbox.AddAsync(Entry("k2", "in"), CancellationToken.None);
        var now = DateTimeOffset.UnixEpoch.AddDays(20_000);

        Assert.True(await outbox.RecordErrorAsync("k2", "Timeout: no answer", failed: false, now, CancellationToken.None));
        Assert.True(await outbox.CompleteAsync("k2", """{"settlementId":"ST-1"}""", now, CancellationToken.None));
        Assert.False(await outbox.CompleteAsync("k2", """{"settlementId":"ST-2"}""", now, CancellationToken.None));
        Assert.False(await outbox.ResolveAsync("k2", "ops", "late", null, now, CancellationToken.None));

        var entry = (await outbox.GetAsync("k2", CancellationToken.None))!;
        Assert.Equal(OutboxStates.Completed, entry.State);
        Assert.Equal(2, entry.Attempts);
        Assert.Contains("ST-1", entry.Result, StringComparison.Ordinal);
        Assert.Null(entry.LastError);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task AFailedEntry_IsCounted_Reset_AndResolved(string kind)
    {
        var outbox = Of(kind);
        var now = DateTimeOffset.UnixEpoch.AddDays(20_000);
        await outbox.AddAsync(Entry("k3", "in"), CancellationToken.None);
        await outbox.AddAsync(Entry("k4", "in"), CancellationToken.None);
        await outbox.RecordErrorAsync("k3", "InvalidInput: LINE_EXCEEDED", failed: true, now, CancellationToken.None);

        Assert.Equal(new OutboxCounts(1, 1), await outbox.CountAsync(CancellationToken.None));
        Assert.Equal(["k3"], (await outbox.ListAsync(OutboxStates.Failed, 10, CancellationToken.None)).Select(e => e.Key));
        Assert.Equal(["k4"], (await outbox.ListPendingAsync(DateTimeOffset.MaxValue, 10, CancellationToken.None)).Select(e => e.Key));
        Assert.True(await outbox.ResetAsync("k3", now, CancellationToken.None));
        Assert.Equal(0, (await outbox.GetAsync("k3", CancellationToken.None))!.Attempts);
        Assert.True(await outbox.ResolveAsync("k3", "ops-1", "split bill", """{"settlementId":"ST-9"}""", now, CancellationToken.None));

        var resolved = (await outbox.GetAsync("k3", CancellationToken.None))!;
        Assert.Equal((OutboxStates.Resolved, "ops-1", "split bill"), (resolved.State, resolved.ResolvedBy, resolved.ResolutionNote));
        Assert.False(await outbox.ResetAsync("k3", now, CancellationToken.None));
    }

    [Fact]
    public void TheKey_IsDeterministic_AndChangesWithEachPart()
    {
        var key = OutboxKeys.Derive("hospital-credit", "settle", "key:hooks/health/hospital/discharge/D-1", null);

        Assert.Equal(key, OutboxKeys.Derive("hospital-credit", "settle", "key:hooks/health/hospital/discharge/D-1", null));
        Assert.NotEqual(key, OutboxKeys.Derive("hospital-credit", "settle", "key:hooks/health/hospital/discharge/D-2", null));
        Assert.NotEqual(key, OutboxKeys.Derive("hospital-credit", "settle-2", "key:hooks/health/hospital/discharge/D-1", null));
        Assert.NotEqual(key, OutboxKeys.Derive("hospital-credit", "settle", "key:hooks/health/hospital/discharge/D-1", "BILL-1"));
        Assert.StartsWith("lhob-", key, StringComparison.Ordinal);
        Assert.Equal(37, key.Length);
    }

    private IOutboxStore Of(string kind) => kind == "sqlite" ? store.Services.GetRequiredService<IOutboxStore>() : memory;

    private readonly InMemoryOutboxStore memory = new();

    private static OutboxEntry Entry(string key, string input) => new()
    {
        Key = key, Capability = "credit.settle", FlowId = "hospital-credit", FlowVersion = 3, NodeId = "settle", MessageId = "m-" + key,
        Department = "health", CorrelationId = "c-" + key, Input = $$"""{"in":"{{input}}"}""", State = OutboxStates.Pending,
        CreatedAt = DateTimeOffset.UnixEpoch.AddDays(20_000), UpdatedAt = DateTimeOffset.UnixEpoch.AddDays(20_000),
    };
}
