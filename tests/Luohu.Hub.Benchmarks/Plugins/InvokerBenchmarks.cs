using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Sdk.Connectors;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Benchmarks.Plugins;

/// <summary>One action call through the invoker (timeout, circuit breaker, metrics, JSON in and out) against the bound action alone.</summary>
[MemoryDiagnoser]
public class InvokerBenchmarks
{
    private static readonly JsonElement Input = JsonSerializer.SerializeToElement(new { add = 1 });
    private static readonly InvocationContext Context = new() { CorrelationId = "bench" };
    private static readonly ActionContext DirectContext = new() { Capability = "counter.add", CorrelationId = "bench" };
    private BenchmarkHub hub = null!;
    private ICapabilityInvoker invoker = null!;
    private CapabilityProvider provider = null!;
    private object? directInput;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        hub = new BenchmarkHub();
        await hub.Manager.StartAsync(CancellationToken.None);
        using var zip = new MemoryStream(BenchmarkHub.CounterZip());
        await hub.Manager.InstallAsync(zip, CancellationToken.None);
        invoker = hub.Services.GetRequiredService<ICapabilityInvoker>();
        provider = hub.Services.GetRequiredService<CapabilityCatalog>().Resolve("counter.add", null)!;
        directInput = provider.Action.ReadInput(Input, provider.Plugin.Json);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await hub.ShutdownAsync();

    [Benchmark(Baseline = true, Description = "bound action, no invoker")]
    public Task<JsonElement> Direct() =>
        provider.Plugin.Runtime.InvokeAsync(provider.Action, directInput, DirectContext, CancellationToken.None);

    [Benchmark(Description = "through the invoker")]
    public ValueTask<JsonElement> Invoker() => invoker.InvokeAsync("counter.add", Input, Context, CancellationToken.None);
}
