using Luohu.Hub.Rules.Workflows.Lambda;

namespace Luohu.Hub.Rules.Tests.Workflows;

/// <summary>
/// The gate between parsing (which reads every loaded assembly's types) and unloading plugin code. The gate is
/// process-wide: other tests' parses may run beside these, so counts are lower bounds.
/// </summary>
public sealed class AssemblyScanGateTests
{
    [Fact]
    public async Task EnterScan_WhileAnExclusionIsHeld_WaitsUntilItEnds()
    {
        var exclusion = await AssemblyScanGate.ExcludeScansAsync();
        var entered = new TaskCompletionSource();
        var scanning = Task.Run(() =>
        {
            using var scan = AssemblyScanGate.EnterScan();
            entered.SetResult();
        });

        var early = await Task.WhenAny(entered.Task, Task.Delay(300));
        exclusion.Dispose();
        await scanning.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.NotSame(entered.Task, early);
        Assert.True(entered.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ExcludeScansAsync_WhileAScanRuns_WaitsForItToEnd()
    {
        var scan = AssemblyScanGate.EnterScan();
        var excluding = AssemblyScanGate.ExcludeScansAsync();

        var early = await Task.WhenAny(excluding, Task.Delay(300));
        var scansBefore = AssemblyScanGate.Scans;
        scan.Dispose();
        using var exclusion = await excluding.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.NotSame(excluding, early);
        Assert.True(scansBefore >= 1);
    }

    [Fact]
    public async Task Scans_WithNoExclusion_RunSideBySide()
    {
        using var first = AssemblyScanGate.EnterScan();
        var second = await Task.Run(() =>
        {
            using var scan = AssemblyScanGate.EnterScan();
            return AssemblyScanGate.Scans;
        }).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(second >= 2);
    }
}
