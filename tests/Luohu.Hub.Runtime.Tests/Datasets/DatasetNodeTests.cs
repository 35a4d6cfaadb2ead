using Luohu.Hub.Runtime.Datasets;
using Luohu.Hub.Runtime.Flows;
using Luohu.Hub.Runtime.Flows.Persistence;
using Luohu.Hub.Runtime.Tests.Flows;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Tests.Datasets;

public sealed class DatasetNodeTests : IAsyncDisposable
{
    private readonly FlowTestHost _host = new();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private IDatasetRegistry Datasets => _host.Provider.GetRequiredService<IDatasetRegistry>();

    [Fact]
    public async Task Deploying_a_flow_with_a_dataset_node_declares_the_dataset_empty()
    {
        await _host.DeployAsync(Flow("""{ "dataset": "lots", "key": "{{payload.lot}}" }"""));

        var lots = Datasets.Get("lots");
        Assert.NotNull(lots);
        Assert.Equal(0, lots.Count);
    }

    [Fact]
    public async Task Messages_upsert_the_latest_payload_per_key_keeping_only_the_listed_fields()
    {
        await _host.DeployAsync(Flow("""{ "dataset": "lots", "key": "{{payload.lot}}", "fields": ["lot", "free"] }"""));

        await _host.PublishAsync("test/ds/in", """{ "lot": "LH-1", "free": 4, "secretNote": "x" }""");
        await _host.PublishAsync("test/ds/in", """{ "lot": "LH-2", "free": 7 }""");
        await _host.PublishAsync("test/ds/in", """{ "lot": "LH-1", "free": 3, "secretNote": "y" }""");

        await Poll.UntilAsync(() => Datasets.Get("lots")?.Version == 3, "three writes are applied");
        var lots = Datasets.Get("lots")!;
        Assert.Equal(2, lots.Count);
        Assert.Equal(3, lots.Records["LH-1"].GetProperty("free").GetInt32());
        Assert.False(lots.Records["LH-1"].TryGetProperty("secretNote", out _));
    }

    [Fact]
    public async Task The_remove_expression_removes_the_key_instead()
    {
        await _host.DeployAsync(Flow("""{ "dataset": "lots", "key": "{{payload.lot}}", "remove": "msg.payload.closed == true" }"""));
        await _host.PublishAsync("test/ds/in", """{ "lot": "LH-1", "free": 4 }""");
        await _host.PublishAsync("test/ds/in", """{ "lot": "LH-2", "free": 4 }""");
        await Poll.UntilAsync(() => Datasets.Get("lots")?.Count == 2, "both car parks are in");

        await _host.PublishAsync("test/ds/in", """{ "lot": "LH-1", "closed": true }""");

        await Poll.UntilAsync(() => Datasets.Get("lots")?.Count == 1, "the closed car park is removed");
        Assert.True(Datasets.Get("lots")!.Records.ContainsKey("LH-2"));
    }

    [Fact]
    public async Task The_message_passes_on_after_the_write()
    {
        await _host.DeployAsync(TestFlows.Through("ds2", """{ "id": "n", "type": "dataset", "config": { "dataset": "lots", "key": "{{payload.lot}}" } }"""));
        var output = _host.Watch("test/ds2/out");

        await _host.PublishAsync("test/ds2/in", """{ "lot": "LH-9", "free": 1 }""");

        await Poll.UntilAsync(() => !output.IsEmpty, "the message leaves the node");
        Assert.True(Datasets.Get("lots")!.Records.ContainsKey("LH-9"));
    }

    [Fact]
    public async Task A_message_without_the_key_field_goes_to_the_dead_letters()
    {
        await _host.DeployAsync(Flow("""{ "dataset": "lots", "key": "{{payload.lot}}" }"""));

        await _host.PublishAsync("test/ds/in", """{ "free": 4 }""");

        var deadline = DateTime.UtcNow + Poll.Deadline;
        IReadOnlyList<DeadLetterRecord> letters = [];
        while (letters.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
            letters = await _host.DeadLetters.ListAsync("ds", null, 0, 10, CancellationToken.None);
        }

        Assert.Contains("key template", Assert.Single(letters).Reason, StringComparison.Ordinal);
        Assert.Equal(0, Datasets.Get("lots")!.Count);
    }

    [Theory]
    [InlineData("""{ "key": "{{payload.lot}}" }""", "nodes[n].config.dataset")]
    [InlineData("""{ "dataset": "lots" }""", "nodes[n].config.key")]
    [InlineData("""{ "dataset": "Car Parks", "key": "{{payload.lot}}" }""", "nodes[n].config.dataset")]
    [InlineData("""{ "dataset": "lots", "key": "{{payload.lot}}", "remove": "msg.payload.closed ==" }""", "nodes[n].config.remove")]
    public async Task Validation_names_the_bad_setting(string config, string path)
    {
        var flow = FlowJson.Deserialize(Flow(config));

        var problems = await _host.Flows.SaveAsync(flow, "tester", CancellationToken.None);

        Assert.Contains(problems, p => p.Path == path);
    }

    private static string Flow(string config) =>
        TestFlows.Flow("ds", $$"""{ "id": "n", "type": "dataset", "config": {{config}} }""", """{ "from": "in", "to": "n" }""");
}
