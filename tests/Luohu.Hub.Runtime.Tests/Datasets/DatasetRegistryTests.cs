using System.Text.Json;
using Luohu.Hub.Runtime.Datasets;
using Luohu.Hub.Runtime.Tests.Flows;
using Microsoft.Extensions.Logging.Abstractions;

namespace Luohu.Hub.Runtime.Tests.Datasets;

public sealed class DatasetRegistryTests
{
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero));
    private readonly DatasetRegistry _registry;

    public DatasetRegistryTests() => _registry = new DatasetRegistry(_time, NullLogger<DatasetRegistry>.Instance);

    [Fact]
    public void Get_UnknownDataset_IsNull() => Assert.Null(_registry.Get("parking"));

    [Fact]
    public void Declare_GivesAnEmptyDatasetAtVersionZero()
    {
        var declared = _registry.Declare("parking");

        Assert.Equal(0, declared.Version);
        Assert.Equal(0, declared.Count);
        Assert.Same(declared, _registry.Get("parking"));
    }

    [Fact]
    public void Upsert_AddsThenReplaces_CountingVersionsAndStampingTheTime()
    {
        _registry.Upsert("parking", "LH-0001", Record("""{ "free": 3 }"""));
        _time.Advance(TimeSpan.FromSeconds(2));

        var second = _registry.Upsert("parking", "LH-0001", Record("""{ "free": 5 }"""));

        Assert.Equal(2, second.Version);
        Assert.Equal(1, second.Count);
        Assert.Equal(5, second.Records["LH-0001"].GetProperty("free").GetInt32());
        Assert.Equal(_time.GetUtcNow(), second.UpdatedAt);
    }

    [Fact]
    public void Records_AreOrderedByKey()
    {
        _registry.Upsert("parking", "LH-0003", Record("{}"));
        _registry.Upsert("parking", "LH-0001", Record("{}"));
        _registry.Upsert("parking", "LH-0002", Record("{}"));

        Assert.Equal(["LH-0001", "LH-0002", "LH-0003"], _registry.Get("parking")!.Records.Keys);
    }

    [Fact]
    public void Remove_DropsTheRecord_AndAnAbsentKeyLeavesTheVersion()
    {
        _registry.Upsert("parking", "LH-0001", Record("{}"));
        var removed = _registry.Remove("parking", "LH-0001");
        var again = _registry.Remove("parking", "LH-0001");

        Assert.Equal(0, removed.Count);
        Assert.Equal(2, removed.Version);
        Assert.Same(removed, again);
    }

    [Fact]
    public void A_snapshot_already_read_never_changes()
    {
        _registry.Upsert("parking", "LH-0001", Record("""{ "free": 1 }"""));
        var before = _registry.Get("parking")!;

        _registry.Upsert("parking", "LH-0001", Record("""{ "free": 2 }"""));
        _registry.Upsert("parking", "LH-0002", Record("""{ "free": 9 }"""));

        Assert.Equal(1, before.Version);
        Assert.Equal(1, before.Count);
        Assert.Equal(1, before.Records["LH-0001"].GetProperty("free").GetInt32());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Parking")]
    [InlineData("car parks")]
    [InlineData("1parking")]
    [InlineData("parking/../x")]
    public void Upsert_WithANameThatCannotBeAUrlSegment_Throws(string name) =>
        Assert.Throws<ArgumentException>(() => _registry.Upsert(name, "k", Record("{}")));

    [Fact]
    public void Upsert_OfSomethingOtherThanAnObject_Throws() =>
        Assert.Throws<ArgumentException>(() => _registry.Upsert("parking", "k", Record("[1, 2]")));

    [Fact]
    public void List_IsOrderedByName()
    {
        _registry.Declare("water-levels");
        _registry.Declare("parking");

        Assert.Equal(["parking", "water-levels"], _registry.List().Select(d => d.Name));
    }

    [Fact]
    public async Task Readers_running_beside_a_writer_always_see_a_consistent_snapshot()
    {
        const int Writes = 20_000;
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < Writes; i++)
            {
                // Every record carries the version it was written at, so a reader can check count and content agree.
                _registry.Upsert("parking", $"LH-{i % 620:D4}", Record($$"""{ "seq": {{i}} }"""));
            }
        });
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            long lastVersion = 0;
            var problems = 0;
            while (!writer.IsCompleted)
            {
                // Before the first write the dataset may be visible empty, at version 0.
                if (_registry.Get("parking") is not { Count: > 0 } snapshot)
                {
                    continue;
                }

                var newest = snapshot.Records.Values.Max(r => r.GetProperty("seq").GetInt64());
                if (snapshot.Version < lastVersion || newest != snapshot.Version - 1 || snapshot.Count != Math.Min(620, snapshot.Version))
                {
                    problems++;
                }

                lastVersion = snapshot.Version;
            }

            return problems;
        })).ToArray();

        await writer;
        var problems = await Task.WhenAll(readers);

        Assert.All(problems, p => Assert.Equal(0, p));
        Assert.Equal(Writes, _registry.Get("parking")!.Version);
    }

    private static JsonElement Record(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
