using Luohu.Hub.Runtime.Flows;
using Luohu.Hub.Runtime.Tests.Flows;

namespace Luohu.Hub.Runtime.Tests.Scheduling;

public sealed class ScheduleTriggerTests : IAsyncDisposable
{
    private readonly FlowTestHost _host = SchedulingTestHost.Create();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Interval_FiresRepeatedly_WithPayloadAndFireTimes()
    {
        var output = _host.Watch("test/every/out");
        await _host.DeployAsync(SchedulingTestHost.ScheduleFlow("every", """{ "mode": "interval", "intervalMs": 100, "payload": { "zone": "LH-1" } }"""));

        await Poll.UntilAsync(() => output.Count >= 3, "the interval schedule fired three times");

        var payload = FlowTestHost.Payload(output.First());
        Assert.Equal("LH-1", payload["zone"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(payload["firedAt"]!.GetValue<string>(), out _));
        Assert.True(DateTimeOffset.TryParse(payload["scheduledAt"]!.GetValue<string>(), out _));
        Assert.Equal("schedule", output.First().Headers!["source"]);
    }

    [Fact]
    public async Task Cron_FiresEverySecond_InTheDefaultTimeZone()
    {
        var output = _host.Watch("district/clock/copy");
        await _host.DeployAsync(SchedulingTestHost.ScheduleFlow("clock", """{ "mode": "cron", "cron": "* * * * * ?", "topic": "district/clock", "payload": 7 }""")
            .Replace("test/clock/out", "{{topic}}/copy", StringComparison.Ordinal));

        await Poll.UntilAsync(() => output.Count >= 2, "the cron schedule fired twice");
        Assert.Equal(7, FlowTestHost.Payload(output.First())["value"]!.GetValue<int>());
    }

    [Fact]
    public async Task Once_FiresOnce_AndLeavesNoJob()
    {
        var output = _host.Watch("test/once/out");
        var at = DateTimeOffset.UtcNow.AddMilliseconds(500).ToString("O");
        await _host.DeployAsync(SchedulingTestHost.ScheduleFlow("once", $$"""{ "mode": "once", "at": "{{at}}" }"""));
        Assert.Equal(["schedule:tick"], await _host.JobNamesAsync("once"));

        await Poll.UntilAsync(() => !output.IsEmpty, "the one-shot schedule fired");
        await Poll.UntilAsync(async () => (await _host.JobNamesAsync("once")).Count == 0, "the fired one-shot job is gone");
        Assert.Single(output);
    }

    [Theory]
    [InlineData("""{ "mode": "cron", "cron": "every minute" }""", "cron")]
    [InlineData("""{ "mode": "cron", "cron": "0 * * * * ?", "timeZone": "Mars/Olympus" }""", "timeZone")]
    [InlineData("""{ "mode": "interval" }""", "intervalSeconds")]
    [InlineData("""{ "mode": "once", "at": "tomorrow" }""", "at")]
    public void Validate_BadSchedule_NamesTheField(string config, string field)
    {
        var problems = _host.Flows.Validate(FlowJson.Deserialize(SchedulingTestHost.ScheduleFlow("bad", config)));

        Assert.Contains(problems, p => p.Path == $"nodes[tick].config.{field}");
    }

    [Fact]
    public async Task OnceWithoutOffset_IsReadInTheScheduleTimeZone()
    {
        await _host.DeployAsync(SchedulingTestHost.ScheduleFlow("local", """{ "mode": "once", "at": "2999-01-01T08:00:00", "timeZone": "Asia/Shanghai" }"""));

        Assert.Equal(DateTimeOffset.Parse("2999-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), await _host.NextFireAsync("local", "tick"));
    }
}
