using BenchmarkDotNet.Attributes;

namespace Luohu.Hub.Benchmarks.Plugins;

/// <summary>
/// Time from a plugin zip upload to Running: unpack, validate, load the context, build the plugin's
/// services, start its event source, publish the catalog. Uninstalling between runs is not measured.
/// </summary>
[InvocationCount(1)]
[WarmupCount(2)]
[IterationCount(15)]
public class InstallBenchmarks
{
    private BenchmarkHub hub = null!;
    private byte[] zip = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        hub = new BenchmarkHub();
        await hub.Manager.StartAsync(CancellationToken.None);
        zip = BenchmarkHub.CounterZip();
    }

    [IterationCleanup]
    public void Uninstall() => hub.Manager.UninstallAsync("fixtures.counter", CancellationToken.None).GetAwaiter().GetResult();

    [GlobalCleanup]
    public async Task CleanupAsync() => await hub.ShutdownAsync();

    [Benchmark(Description = "zip upload to Running")]
    public async Task InstallToRunning()
    {
        using var stream = new MemoryStream(zip);
        await hub.Manager.InstallAsync(stream, CancellationToken.None);
    }
}
