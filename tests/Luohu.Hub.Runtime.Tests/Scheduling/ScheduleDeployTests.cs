using Luohu.Hub.Runtime.Tests.Flows;

namespace Luohu.Hub.Runtime.Tests.Scheduling;

public sealed class ScheduleDeployTests : IAsyncDisposable
{
    private const string Hourly = """{ "mode": "interval", "intervalSeconds": 3600 }""";
    private const string Daily = """{ "mode": "cron", "cron": "0 0 6 * * ?" }""";

    private readonly FlowTestHost _host = SchedulingTestHost.Create();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task RedeployUnchanged_KeepsTheJobAndItsNextFire()
    {
        await _host.DeployAsync(SchedulingTestHost.ScheduleFlow("keep", Hourly));
        var next = await _host.NextFireAsync("keep", "tick");

        await _host.DeployAsync(SchedulingTestHost.ScheduleFlow("keep", Hourly).Replace("Test keep", "Renamed", StringComparison.Ordinal));

        Assert.NotNull(next);
        Assert.Equal(next, await _host.NextFireAsync("keep", "tick"));
    }

    [Fact]
    public async Task DeployAndRollback_ReplaceTheJob()
    {
        await _host.DeployAsync(SchedulingTestHost.ScheduleFlow("swap", Hourly));
        var v1 = await _host.SignatureAsync("swap", "tick");

        await _host.DeployAsync(SchedulingTestHost.ScheduleFlow("swap", Daily));
        var v2 = await _host.SignatureAsync("swap", "tick");
        await _host.Flows.RollbackAsync("swap", 1, "tester", CancellationToken.None);

        Assert.Contains("3600", v1, StringComparison.Ordinal);
        Assert.Contains("0 0 6 * * ?", v2, StringComparison.Ordinal);
        Assert.Equal(v1, await _host.SignatureAsync("swap", "tick"));
        Assert.Equal(["schedule:tick"], await _host.JobNamesAsync("swap"));
    }

    [Fact]
    public async Task DeployWithoutTheSchedule_RemovesItsJob()
    {
        await _host.DeployAsync(SchedulingTestHost.ScheduleFlow("gone", Hourly));

        await _host.DeployAsync(TestFlows.Through("gone", """{ "id": "n", "type": "delay", "config": { "ms": 0 } }"""));

        Assert.Empty(await _host.JobNamesAsync("gone"));
    }

    [Fact]
    public async Task ChangedSchedule_NeverFiresTheOldVersionAfterTheDeploy()
    {
        var output = _host.Watch("test/fast/out");
        await _host.DeployAsync(SchedulingTestHost.ScheduleFlow("fast", """{ "mode": "interval", "intervalMs": 50, "payload": { "v": 1 } }"""));
        await Poll.UntilAsync(() => !output.IsEmpty, "version 1 fired");

        await _host.DeployAsync(SchedulingTestHost.ScheduleFlow("fast", """{ "mode": "interval", "intervalMs": 50, "payload": { "v": 2 } }"""));

        // Counted by version, not from the count at the deploy: on a busy machine the watch may still be delivering
        // version 1's fires from before the deploy.
        await Poll.UntilAsync(() => output.Count(m => FlowTestHost.Payload(m)["v"]!.GetValue<int>() == 2) >= 3, "version 2 fired three times");

        var versions = output.Select(m => FlowTestHost.Payload(m)["v"]!.GetValue<int>()).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(2, versions[^1]);
    }

    [Fact]
    public async Task DeleteAndUndeploy_LeaveNoJob()
    {
        await _host.DeployAsync(SchedulingTestHost.ScheduleFlow("del", Hourly));
        Assert.NotEmpty(await _host.JobNamesAsync("del"));

        await _host.Flows.DeleteAsync("del", "tester", CancellationToken.None);

        Assert.Empty(await _host.JobNamesAsync("del"));
    }
}
