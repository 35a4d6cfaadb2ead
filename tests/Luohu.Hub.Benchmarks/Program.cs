using BenchmarkDotNet.Running;
using Luohu.Hub.Benchmarks.Flows;
using Luohu.Hub.Benchmarks.Gateway;
using Luohu.Hub.Benchmarks.Plugins;
using Luohu.Hub.Benchmarks.Telemetry;

if (args is ["flows-latency", ..])
{
    await FlowLatencyHarness.RunAsync(args);
    return;
}

if (args is ["plugin-isolation", ..])
{
    await PluginIsolationHarness.RunAsync(args);
    return;
}

if (args is ["telemetry-cost", ..])
{
    await TelemetryCostHarness.RunAsync(args);
    return;
}

if (args is ["gateway-load", ..])
{
    await GatewayLoadHarness.RunAsync(args);
    return;
}

// Not typeof(Program): the Host project, referenced by the gateway-load harness, has its own Program.
BenchmarkSwitcher.FromAssembly(typeof(FlowLatencyHarness).Assembly).Run(args);
