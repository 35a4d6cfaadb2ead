using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Storage;

namespace Luohu.Hub.Runtime.Tests.Storage;

public sealed class DeadLetterStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Add_ThenGet_RoundTripsTheMessage()
    {
        await using var store = await TempStore.CreateAsync();
        var message = HubMessages.Create("sensors/parking/LH-1/occupancy", "{\"free\":0}"u8.ToArray(), "plugin:luohu.parking/occupancy", store.Clock,
            new Dictionary<string, string> { ["trace"] = "abc" });
        var letter = DeadLetter.Create(message, "parking", "calc", "script threw", "TypeError: x is undefined (line 1, column 5)", store.Clock.GetUtcNow());

        await store.DeadLetters.AddAsync(letter, None);
        var read = await store.DeadLetters.GetAsync(letter.Id, None);

        Assert.NotNull(read);
        Assert.Equal(letter with { Headers = read.Headers }, read);
        Assert.Equal("abc", read.Headers["trace"]);
        var again = read.ToMessage();
        Assert.Equal((message.Id, message.Topic, message.Source, message.Timestamp), (again.Id, again.Topic, again.Source, again.Timestamp));
        Assert.Equal(message.Payload.ToArray(), again.Payload.ToArray());
    }

    [Fact]
    public async Task List_FiltersByFlowAndState_NewestFirst()
    {
        await using var store = await TempStore.CreateAsync();
        await AddAsync(store, ("a1", "a"), ("b1", "b"), ("a2", "a"), ("a3", "a"));
        await store.DeadLetters.DiscardAsync("a2", None);

        var pendingOfA = await store.DeadLetters.ListAsync(new DeadLetterQuery { FlowId = "a", State = DeadLetterState.Pending }, None);
        var allOfA = await store.DeadLetters.ListAsync(new DeadLetterQuery { FlowId = "a" }, None);
        var discarded = await store.DeadLetters.ListAsync(new DeadLetterQuery { State = DeadLetterState.Discarded }, None);

        Assert.Equal(["a3", "a1"], pendingOfA.Select(d => d.Id));
        Assert.Equal(["a3", "a2", "a1"], allOfA.Select(d => d.Id));
        Assert.Equal(["a2"], discarded.Select(d => d.Id));
        Assert.Equal(4, await store.DeadLetters.CountAsync(new DeadLetterQuery(), None));
        Assert.Equal(2, await store.DeadLetters.CountAsync(new DeadLetterQuery { FlowId = "a", State = DeadLetterState.Pending }, None));
    }

    [Fact]
    public async Task List_PagesWithSkipAndTake()
    {
        await using var store = await TempStore.CreateAsync();
        await AddAsync(store, [.. Enumerable.Range(1, 7).Select(i => ($"d{i}", "f"))]);

        var page1 = await store.DeadLetters.ListAsync(new DeadLetterQuery { Take = 3 }, None);
        var page3 = await store.DeadLetters.ListAsync(new DeadLetterQuery { Skip = 6, Take = 3 }, None);

        Assert.Equal(["d7", "d6", "d5"], page1.Select(d => d.Id));
        Assert.Equal(["d1"], page3.Select(d => d.Id));
    }

    [Fact]
    public async Task MarkReplayed_CountsEachReplay()
    {
        await using var store = await TempStore.CreateAsync();
        await AddAsync(store, ("d", "f"));

        Assert.True(await store.DeadLetters.MarkReplayedAsync("d", None));
        Assert.True(await store.DeadLetters.MarkReplayedAsync("d", None));

        var read = await store.DeadLetters.GetAsync("d", None);
        Assert.Equal((DeadLetterState.Replayed, 2), (read!.State, read.ReplayCount));
    }

    [Fact]
    public async Task UnknownId_ReplayAndDiscardReturnFalse()
    {
        await using var store = await TempStore.CreateAsync();
        Assert.False(await store.DeadLetters.MarkReplayedAsync("nope", None));
        Assert.False(await store.DeadLetters.DiscardAsync("nope", None));
        Assert.Null(await store.DeadLetters.GetAsync("nope", None));
    }

    [Fact]
    public async Task List_TakeOutOfRange_Throws()
    {
        await using var store = await TempStore.CreateAsync();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.DeadLetters.ListAsync(new DeadLetterQuery { Take = 5000 }, None).AsTask());
    }

    internal static DeadLetter Letter(string id, string flowId, DateTimeOffset at) => new()
    {
        Id = id,
        FlowId = flowId,
        NodeId = "n",
        MessageId = "m-" + id,
        Topic = "t",
        Payload = "{}",
        Source = "test",
        MessageTimestamp = at,
        Reason = "failed",
        At = at,
    };

    private static async Task AddAsync(TempStore store, params (string Id, string FlowId)[] letters)
    {
        foreach (var (id, flowId) in letters)
        {
            store.Clock.Advance(TimeSpan.FromSeconds(1));
            await store.DeadLetters.AddAsync(Letter(id, flowId, store.Clock.GetUtcNow()), None);
        }
    }
}
