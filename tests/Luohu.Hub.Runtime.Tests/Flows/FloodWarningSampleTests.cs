using System.Globalization;
using Luohu.Hub.Runtime.Flows;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Tests.Flows;

/// <summary>samples/flows/flood-warning.json on the bus, fed hand-written readings: above the line <em>and</em> rising.</summary>
public sealed class FloodWarningSampleTests : IAsyncDisposable
{
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 12, 3, 6, 0, 1, TimeSpan.Zero));
    private readonly FlowTestHost _host;

    public FloodWarningSampleTests() =>
        _host = new FlowTestHost(services => services.Configure<FlowOptions>(o => o.SamplesPath = Path.Combine(RepoPaths.Root, "samples", "flows")), _time);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task OnlyAReadingAboveTheLineAndRisingSinceThePrevious_Warns()
    {
        await _host.StartAsync();
        var warnings = _host.Watch("district/water/flood-warning/+");

        // A station warns at most once a minute, so each warning's `previous` also proves that no reading before it warned.
        await Level("WL-01", 12);    // below the line
        await Level("WL-01", 16);    // above and rising: warns
        await Level("WL-02", 20);    // above, but no previous reading to rise from
        await Level("WL-02", 19);    // above and falling
        await Level("WL-02", 21);    // above and rising: warns
        await Level("WL-03", 20);
        await Level("WL-03", 20.1);  // above, but within sensor noise (1% of the line) of the previous
        await Level("WL-03", 22);    // warns
        await Level("WL-04", 14);
        await Level("WL-04", 14.9);  // rising, but below the line: never warns

        await Poll.UntilAsync(() => warnings.Count == 3, "three warnings");
        var byStation = warnings.Select(FlowTestHost.Payload).ToDictionary(p => p["deviceId"]!.GetValue<string>(), p => (p["previous"]!.GetValue<double>(), p["value"]!.GetValue<double>()));
        Assert.Equal((12, 16), byStation["WL-01"]);
        Assert.Equal((19, 21), byStation["WL-02"]);
        Assert.Equal((20.1, 22), byStation["WL-03"]);
        Assert.All(_host.Alerts.List("water"), a => Assert.Equal("critical", a.Severity));
    }

    [Fact]
    public async Task AStationStillRising_WarnsAgainInTheNextMinute()
    {
        await _host.StartAsync();
        var warnings = _host.Watch("district/water/flood-warning/+");
        await Level("WL-01", 12);
        await Level("WL-01", 16);
        await Poll.UntilAsync(() => warnings.Count == 1, "the first warning");

        _time.Advance(TimeSpan.FromMinutes(1));
        await Level("WL-01", 19);

        await Poll.UntilAsync(() => warnings.Count == 2, "a second warning a minute later");
        Assert.Equal(19, FlowTestHost.Payload(warnings.Last())["value"]!.GetValue<double>());
    }

    private ValueTask Level(string station, double value) =>
        _host.PublishAsync($"sensors/water/{station}/level", string.Create(CultureInfo.InvariantCulture, $$"""
            { "deviceId": "{{station}}", "name": "测试点", "nameEn": "Test point", "stationKind": "waterlogging", "kind": "water.level",
              "value": {{value}}, "unit": "cm", "warningLine": 15, "area": "Nanhu", "latitude": 22.54, "longitude": 114.12,
              "rainMmPerHour": 60, "timestamp": "2026-12-03T14:00:00+08:00" }
            """));
}
