using System.Text.Json;
using Luohu.Hub.Plugins.Parking;
using Luohu.Hub.Plugins.Parking.Connectors;
using Luohu.Hub.Plugins.Parking.Simulation;
using Luohu.Hub.Plugins.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Luohu.Hub.Plugins.Tests.Parking;

public sealed class OccupancyEventSourceTests
{
    private static (OccupancyEventSource Source, ParkingSimulation Simulation, ManualTimeProvider Time, FakePluginContext Context) Create(ParkingOptions? options = null)
    {
        options ??= new ParkingOptions();
        var (simulation, time) = ParkingFixture.Create(District.Saturday(19), options);
        var context = new FakePluginContext(RecordingPluginBuilder.ManifestFor("luohu.parking"), new ConfigurationBuilder().Build(), time);
        var source = new OccupancyEventSource(simulation, options, time, context, NullLogger<OccupancyEventSource>.Instance);
        return (source, simulation, time, context);
    }

    [Fact]
    public async Task RunAsync_FirstTick_EmitsEveryLotOnItsTopic()
    {
        var (source, _, time, _) = Create();
        var sink = new RecordingSink();
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(sink, stop.Token);
        await Poll.UntilAsync(() => time.TimersCreated == 1, "the first tick has been emitted");

        Assert.Equal(Enumerable.Range(1, 620).Select(i => $"sensors/parking/LH-{i:D4}/occupancy"), sink.Events.Select(e => e.Topic));
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_LaterTick_EmitsOnlyTheLotsThatChanged()
    {
        var (source, simulation, time, _) = Create();
        var sink = new RecordingSink();
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(sink, stop.Token);
        await Poll.UntilAsync(() => time.TimersCreated == 1, "the first tick has been emitted");
        var first = sink.Events.ToDictionary(e => e.Payload.GetProperty("lot").GetString()!, e => e.Payload.GetProperty("free").GetInt32());

        time.Advance(TimeSpan.FromSeconds(1));
        await Poll.UntilAsync(() => time.TimersCreated == 2, "the second tick has been emitted");

        var second = sink.Events.Skip(620).ToArray();
        var changed = simulation.Snapshot().Where(s => s.Free != first[s.Lot]).Select(s => s.Lot).ToArray();
        Assert.NotEmpty(changed);
        Assert.True(changed.Length < 620, "every lot changed in one second; the drift is too fast");
        Assert.Equal(changed, second.Select(e => e.Payload.GetProperty("lot").GetString()));
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_Payload_HasTheContractFieldsInCamelCase()
    {
        var (source, simulation, time, _) = Create();
        var sink = new RecordingSink();
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(sink, stop.Token);
        await Poll.UntilAsync(() => time.TimersCreated == 1, "the first tick has been emitted");
        await stop.CancelAsync();
        await run;

        var payload = sink.Events[41].Payload;
        var state = simulation.GetState(41);
        Assert.Equal(
            ["lot", "name", "nameEn", "area", "kind", "total", "free", "occupied", "status", "latitude", "longitude", "timestamp"],
            payload.EnumerateObject().Select(p => p.Name));
        Assert.Equal("LH-0042", payload.GetProperty("lot").GetString());
        Assert.Equal(state.Name, payload.GetProperty("name").GetString());
        Assert.Equal(state.Free, payload.GetProperty("free").GetInt32());
        Assert.Equal(state.Total - state.Free, payload.GetProperty("occupied").GetInt32());
        Assert.Equal(state.Status, payload.GetProperty("status").GetString());
        Assert.Equal("2026-11-21T19:00:00+08:00", payload.GetProperty("timestamp").GetString());
        Assert.Equal(JsonValueKind.Number, payload.GetProperty("latitude").ValueKind);
    }

    [Fact]
    public async Task RunAsync_WithAnEventCap_SpreadsTheRestOverTheNextTicks()
    {
        var (source, _, time, _) = Create(new ParkingOptions { MaxEventsPerTick = 100 });
        var sink = new RecordingSink();
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(sink, stop.Token);
        await Poll.UntilAsync(() => time.TimersCreated == 1, "the first tick has been emitted");
        Assert.Equal(100, sink.Count);

        time.Advance(TimeSpan.FromSeconds(1));
        await Poll.UntilAsync(() => time.TimersCreated == 2, "the second tick has been emitted");
        Assert.Equal(
            Enumerable.Range(101, 100).Select(i => $"LH-{i:D4}"),
            sink.Events.Skip(100).Select(e => e.Payload.GetProperty("lot").GetString()));
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_Cancelled_EndsWithoutThrowing()
    {
        var (source, _, time, _) = Create();
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(new RecordingSink(), stop.Token);
        await Poll.UntilAsync(() => time.TimersCreated == 1, "the first tick has been emitted");
        await stop.CancelAsync();
        await run;
        Assert.True(run.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task RunAsync_RemembersTheLastTickInThePluginState()
    {
        var (source, _, time, context) = Create();
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(new RecordingSink(), stop.Token);
        await Poll.UntilAsync(() => time.TimersCreated == 1, "the first tick has been emitted");
        await stop.CancelAsync();
        await run;
        Assert.Equal("2026-11-21T11:00:00.0000000+00:00", context.Store.Values[OccupancyEventSource.LastTickKey]);
    }
}
