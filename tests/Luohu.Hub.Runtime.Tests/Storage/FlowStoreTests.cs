using Luohu.Hub.Runtime.Storage;

namespace Luohu.Hub.Runtime.Tests.Storage;

public sealed class FlowStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task UpsertDraft_ThenGet_RoundTrips_AndUpdateKeepsCreation()
    {
        await using var store = await TempStore.CreateAsync();
        var created = await store.Flows.UpsertDraftAsync(Flow("parking", "traffic", "ann"), None);
        store.Clock.Advance(TimeSpan.FromMinutes(5));

        var updated = await store.Flows.UpsertDraftAsync(Flow("parking", "traffic", "bob") with { Name = "Parking v2", Json = "{\"v\":2}" }, None);
        var read = await store.Flows.GetAsync("parking", None);

        Assert.Equal(updated, read);
        Assert.Equal(("Parking v2", "{\"v\":2}", "ann", "bob"), (read!.Name, read.Json, read.CreatedBy, read.UpdatedBy));
        Assert.Equal(created.CreatedAt, read.CreatedAt);
        Assert.Equal(created.CreatedAt + TimeSpan.FromMinutes(5), read.UpdatedAt);
        Assert.Null(read.LatestVersion);
        Assert.Null(read.DeployedVersion);
    }

    [Fact]
    public async Task List_FiltersByDepartment()
    {
        await using var store = await TempStore.CreateAsync();
        await store.Flows.UpsertDraftAsync(Flow("b", "traffic"), None);
        await store.Flows.UpsertDraftAsync(Flow("a", "traffic"), None);
        await store.Flows.UpsertDraftAsync(Flow("c", "water"), None);

        Assert.Equal(["a", "b"], (await store.Flows.ListAsync("traffic", None)).Select(f => f.Id));
        Assert.Equal(["a", "b", "c"], (await store.Flows.ListAsync(null, None)).Select(f => f.Id));
        Assert.Null(await store.Flows.GetAsync("nope", None));
    }

    [Fact]
    public async Task AddVersion_TwentyInParallel_NumbersOneToTwentyWithoutGapsOrDuplicates()
    {
        await using var store = await TempStore.CreateAsync();
        await store.Flows.UpsertDraftAsync(Flow("f", "traffic"), None);

        var added = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(async () => await store.Flows.AddVersionAsync("f", $"{{\"n\":{i}}}", $"user{i}", null, None))));

        Assert.Equal(Enumerable.Range(1, 20), added.Select(v => v.Version).Order());
        var listed = await store.Flows.ListVersionsAsync("f", None);
        Assert.Equal(Enumerable.Range(1, 20), listed.Select(v => v.Version));
        Assert.All(added, a => Assert.Equal(a.Json, listed[a.Version - 1].Json));
    }

    [Fact]
    public async Task AddVersion_UnknownFlow_ThrowsKeyNotFound()
    {
        await using var store = await TempStore.CreateAsync();
        var ex = await Assert.ThrowsAsync<KeyNotFoundException>(() => store.Flows.AddVersionAsync("ghost", "{}", "ann", null, None).AsTask());
        Assert.Contains("'ghost' does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetVersion_ReturnsTheSnapshot_NotTheLaterDraft()
    {
        await using var store = await TempStore.CreateAsync();
        await store.Flows.UpsertDraftAsync(Flow("f", "traffic") with { Json = "{\"v\":1}" }, None);
        await store.Flows.AddVersionAsync("f", "{\"v\":1}", "ann", "first", None);
        await store.Flows.UpsertDraftAsync(Flow("f", "traffic") with { Json = "{\"v\":2}" }, None);

        var v1 = await store.Flows.GetVersionAsync("f", 1, None);

        Assert.Equal(("{\"v\":1}", "ann", "first"), (v1!.Json, v1.Author, v1.Comment));
        Assert.Null(await store.Flows.GetVersionAsync("f", 2, None));
        Assert.Equal(1, (await store.Flows.GetAsync("f", None))!.LatestVersion);
    }

    [Fact]
    public async Task DeployedVersions_SurviveARestart()
    {
        await using var store = await TempStore.CreateAsync();
        foreach (var id in new[] { "a", "b", "c" })
        {
            await store.Flows.UpsertDraftAsync(Flow(id, "traffic"), None);
            await store.Flows.AddVersionAsync(id, $"{{\"id\":\"{id}\",\"v\":1}}", "ann", null, None);
            await store.Flows.AddVersionAsync(id, $"{{\"id\":\"{id}\",\"v\":2}}", "ann", null, None);
        }

        await store.Flows.SetDeployedAsync("a", 2, DeployAction.Deploy, "ann", None);
        await store.Flows.SetDeployedAsync("b", 2, DeployAction.Deploy, "ann", None);
        await store.Flows.SetDeployedAsync("b", 1, DeployAction.Rollback, "bob", None);

        await store.RestartAsync();
        var deployed = await store.Flows.ListDeployedAsync(None);

        Assert.Equal([("a", 2, "{\"id\":\"a\",\"v\":2}", "ann"), ("b", 1, "{\"id\":\"b\",\"v\":1}", "bob")],
            deployed.Select(d => (d.FlowId, d.Version, d.Json, d.DeployedBy)));
        Assert.Equal(1, (await store.Flows.GetAsync("b", None))!.DeployedVersion);
    }

    [Fact]
    public async Task SetDeployed_RecordsHistory_NewestFirst_IncludingUndeploy()
    {
        await using var store = await TempStore.CreateAsync();
        await store.Flows.UpsertDraftAsync(Flow("f", "traffic"), None);
        await store.Flows.AddVersionAsync("f", "{}", "ann", null, None);
        await store.Flows.AddVersionAsync("f", "{}", "ann", null, None);

        await store.Flows.SetDeployedAsync("f", 2, DeployAction.Deploy, "ann", None);
        await store.Flows.SetDeployedAsync("f", 1, DeployAction.Rollback, "bob", None);
        await store.Flows.SetDeployedAsync("f", null, DeployAction.Undeploy, "cid", None);

        var history = await store.Flows.ListDeploysAsync("f", 10, None);
        Assert.Equal([(DeployAction.Undeploy, (int?)null, "cid"), (DeployAction.Rollback, 1, "bob"), (DeployAction.Deploy, 2, "ann")],
            history.Select(h => (h.Action, h.Version, h.Author)));
        Assert.Empty(await store.Flows.ListDeployedAsync(None));
    }

    [Fact]
    public async Task SetDeployed_UnknownVersion_ThrowsAndChangesNothing()
    {
        await using var store = await TempStore.CreateAsync();
        await store.Flows.UpsertDraftAsync(Flow("f", "traffic"), None);
        await store.Flows.AddVersionAsync("f", "{}", "ann", null, None);

        var ex = await Assert.ThrowsAsync<KeyNotFoundException>(() => store.Flows.SetDeployedAsync("f", 7, DeployAction.Deploy, "ann", None).AsTask());

        Assert.Contains("no version 7", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await store.Flows.ListDeploysAsync("f", 10, None));
    }

    [Fact]
    public async Task SetDeployed_VersionAndActionDisagree_Throws()
    {
        await using var store = await TempStore.CreateAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => store.Flows.SetDeployedAsync("f", null, DeployAction.Deploy, "ann", None).AsTask());
    }

    [Fact]
    public async Task Delete_RemovesFlowVersionsDeploymentAndNodeState_ButKeepsDeadLetters()
    {
        await using var store = await TempStore.CreateAsync();
        await store.Flows.UpsertDraftAsync(Flow("f", "traffic"), None);
        await store.Flows.AddVersionAsync("f", "{}", "ann", null, None);
        await store.Flows.SetDeployedAsync("f", 1, DeployAction.Deploy, "ann", None);
        await store.NodeState.SetAsync("f", "window", "{\"sum\":3}", None);
        await store.DeadLetters.AddAsync(DeadLetterStoreTests.Letter("dl1", "f", store.Clock.GetUtcNow()), None);

        Assert.True(await store.Flows.DeleteAsync("f", None));

        Assert.Null(await store.Flows.GetAsync("f", None));
        Assert.Empty(await store.Flows.ListVersionsAsync("f", None));
        Assert.Empty(await store.Flows.ListDeployedAsync(None));
        Assert.Empty(await store.Flows.ListDeploysAsync("f", 10, None));
        Assert.Null(await store.NodeState.GetAsync("f", "window", None));
        Assert.NotNull(await store.DeadLetters.GetAsync("dl1", None));
        Assert.False(await store.Flows.DeleteAsync("f", None));
    }

    private static FlowRecord Flow(string id, string department, string by = "ann") => new()
    {
        Id = id,
        Name = id,
        Department = department,
        Json = $"{{\"id\":\"{id}\"}}",
        UpdatedBy = by,
    };
}
