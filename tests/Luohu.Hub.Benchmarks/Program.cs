using BenchmarkDotNet.Running;
using Luohu.Hub.Benchmarks.Flows;

if (args is ["flows-latency", ..])
{
    await FlowLatencyHarness.RunAsync(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
