using Luohu.Hub.Plugins.Signals;
using Luohu.Hub.Plugins.Signals.Connectors;
using Luohu.Hub.Plugins.Tests.Fakes;
using Luohu.Hub.Sdk.Families;
using Microsoft.Extensions.Logging.Abstractions;

namespace Luohu.Hub.Plugins.Tests.Signals;

public sealed class SignalStateEventSourceTests
{
    private static readonly DateTimeOffset Start = District.Tuesday(10);

    private static async Task TickAsync(ManualTimeProvider time, int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            var timers = time.TimersCreated;
            time.Advance(TimeSpan.FromSeconds(1));
            await Poll.UntilAsync(() => time.TimersCreated == timers + 1, $"tick {i + 1} has been emitted");
        }
    }

    [Fact]
    public async Task RunAsync_EmitsEachPhaseChangeOnTheIntersectionsTopic()
    {
        var (network, time) = SignalsFixture.Create(Start);
        var source = new SignalStateEventSource(network, new SignalsOptions(), time, NullLogger<SignalStateEventSource>.Instance);
        var sink = new RecordingSink();
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(sink, stop.Token);
        await Poll.UntilAsync(() => time.TimersCreated == 1, "the source has started");
        Assert.Equal(0, sink.Count);

        await TickAsync(time, 41);
        await stop.CancelAsync();
        await run;

        var (topic, payload) = Assert.Single(sink.Events, e => e.Topic == "signals/LH-X001/state");
        Assert.Equal(
            ["intersection", "name", "phase", "previousPhase", "plan", "mode", "phaseEndsAt", "timestamp"],
            payload.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("LH-X001", "NS-left", "NS-through", "normal", "plan"), (
            payload.GetProperty("intersection").GetString(), payload.GetProperty("phase").GetString(),
            payload.GetProperty("previousPhase").GetString(), payload.GetProperty("plan").GetString(), payload.GetProperty("mode").GetString()));
        Assert.Equal("2026-11-17T10:00:40+08:00", payload.GetProperty("timestamp").GetString());
        Assert.Equal("2026-11-17T10:00:55+08:00", payload.GetProperty("phaseEndsAt").GetString());
        Assert.All(sink.Events, e => Assert.Matches("^signals/LH-X0[0-2][0-9]/state$", e.Topic));
    }

    [Fact]
    public async Task RunAsync_EmitsAnOverrideSetThroughTheController()
    {
        var (network, time) = SignalsFixture.Create(Start);
        var source = new SignalStateEventSource(network, new SignalsOptions(), time, NullLogger<SignalStateEventSource>.Instance);
        var sink = new RecordingSink();
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(sink, stop.Token);
        await Poll.UntilAsync(() => time.TimersCreated == 1, "the source has started");

        await ((ISignalController)network).SetPhaseAsync(new SetPhaseRequest("LH-X006", "pedestrian", 40), CancellationToken.None);
        await TickAsync(time, 1);
        await stop.CancelAsync();
        await run;

        var payload = Assert.Single(sink.Events, e => e.Topic == "signals/LH-X006/state").Payload;
        Assert.Equal(("pedestrian", "override"), (payload.GetProperty("phase").GetString(), payload.GetProperty("mode").GetString()));
    }
}
