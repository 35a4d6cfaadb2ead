using BenchmarkDotNet.Attributes;
using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Benchmarks.Bus;

/// <summary>The cost of one filter match against a typical sensor topic.</summary>
[MemoryDiagnoser]
public class TopicFilterBenchmarks
{
    private const string Topic = "sensors/parking/LH-0042/occupancy";
    private readonly string _filterText = "sensors/parking/+/occupancy";
    private readonly TopicFilter _single = TopicFilter.Parse("sensors/parking/+/occupancy");
    private readonly TopicFilter _multi = TopicFilter.Parse("sensors/#");
    private readonly TopicFilter _miss = TopicFilter.Parse("sensors/parking/+/status");

    [Benchmark(Baseline = true)]
    public bool SingleLevelWildcard() => _single.Matches(Topic);

    [Benchmark]
    public bool MultiLevelWildcard() => _multi.Matches(Topic);

    [Benchmark]
    public bool MissOnLastLevel() => _miss.Matches(Topic);

    [Benchmark]
    public object Parse() => TopicFilter.Parse(_filterText);
}
