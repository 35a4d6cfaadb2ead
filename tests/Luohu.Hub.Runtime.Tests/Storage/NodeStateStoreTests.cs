namespace Luohu.Hub.Runtime.Tests.Storage;

public sealed class NodeStateStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Set_OverwritesAndGetReadsBack()
    {
        await using var store = await TempStore.CreateAsync();
        await store.NodeState.SetAsync("f", "w", "{\"n\":1}", None);
        await store.NodeState.SetAsync("f", "w", "{\"n\":2}", None);

        Assert.Equal("{\"n\":2}", await store.NodeState.GetAsync("f", "w", None));
        Assert.Null(await store.NodeState.GetAsync("f", "other", None));
    }

    [Fact]
    public async Task List_ReturnsEveryNodeOfOneFlow()
    {
        await using var store = await TempStore.CreateAsync();
        await store.NodeState.SetAsync("f", "a", "1", None);
        await store.NodeState.SetAsync("f", "b", "2", None);
        await store.NodeState.SetAsync("g", "a", "3", None);

        var state = await store.NodeState.ListAsync("f", None);

        Assert.Equal([("a", "1"), ("b", "2")], state.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)));
    }

    [Fact]
    public async Task DeleteFlow_RemovesOnlyThatFlow_AndDeleteRemovesOneNode()
    {
        await using var store = await TempStore.CreateAsync();
        await store.NodeState.SetAsync("f", "a", "1", None);
        await store.NodeState.SetAsync("f", "b", "2", None);
        await store.NodeState.SetAsync("g", "a", "3", None);

        await store.NodeState.DeleteAsync("f", "b", None);
        Assert.Equal(["a"], (await store.NodeState.ListAsync("f", None)).Keys);

        await store.NodeState.DeleteFlowAsync("f", None);
        Assert.Empty(await store.NodeState.ListAsync("f", None));
        Assert.Equal("3", await store.NodeState.GetAsync("g", "a", None));
    }

    [Fact]
    public async Task State_SurvivesARestart()
    {
        await using var store = await TempStore.CreateAsync();
        await store.NodeState.SetAsync("f", "w", "{\"count\":42}", None);

        await store.RestartAsync();

        Assert.Equal("{\"count\":42}", await store.NodeState.GetAsync("f", "w", None));
    }
}
