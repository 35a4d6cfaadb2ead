using Luohu.Hub.Runtime.Flows;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Tests.Flows;

/// <summary>samples/flows/parking-guidance.json, imported and deployed at first start, fed parking events on the bus.</summary>
public sealed class SampleFlowTests : IAsyncDisposable
{
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 11, 21, 10, 0, 1, TimeSpan.Zero));
    private readonly FlowTestHost _host;

    public SampleFlowTests() =>
        _host = new FlowTestHost(services => services.Configure<FlowOptions>(o => o.SamplesPath = Path.Combine(RepoPaths.Root, "samples", "flows")), _time);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task FirstStartOfAnEmptyStore_ImportsAndDeploysTheSample()
    {
        await _host.StartAsync();

        var summary = await _host.Flows.GetSummaryAsync("parking-guidance", default);
        Assert.Equal("deployed", summary!.State);
        Assert.Equal("traffic", summary.Department);
        Assert.Equal(1, summary.DeployedVersion);
    }

    [Fact]
    public async Task ParkingEvents_GiveStatusPerCarPark_AnAlertForAFullOne_AndTheDistrictTotal()
    {
        await _host.StartAsync();
        var status = _host.Watch("district/parking/+/status");
        var total = _host.Watch("district/parking/total");
        var alerts = _host.Watch("alerts/traffic/parking-guidance");

        await _host.PublishAsync("sensors/parking/LH-0001/occupancy", Event("LH-0001", free: 0, total: 120));
        await _host.PublishAsync("sensors/parking/LH-0002/occupancy", Event("LH-0002", free: 5, total: 200));
        await _host.PublishAsync("sensors/parking/LH-0003/occupancy", Event("LH-0003", free: 80, total: 100));
        await _host.PublishAsync("sensors/parking/LH-0001/occupancy", Event("LH-0001", free: 0, total: 120));

        await Poll.UntilAsync(() => status.Count == 4, "every event gives a status");
        var byLot = status.GroupBy(m => m.Topic).ToDictionary(g => g.Key, g => FlowTestHost.Payload(g.Last()));
        Assert.Equal("full", byLot["district/parking/LH-0001/status"]["status"]!.GetValue<string>());
        Assert.Equal("nearly-full", byLot["district/parking/LH-0002/status"]["status"]!.GetValue<string>());
        Assert.Equal("available", byLot["district/parking/LH-0003/status"]["status"]!.GetValue<string>());
        await Poll.UntilAsync(() => !alerts.IsEmpty, "the full car park raises an alert");
        var alert = Assert.Single(_host.Alerts.List("traffic"));
        Assert.Equal("warning", alert.Severity);
        Assert.Contains("LH-0001", alert.Title, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromSeconds(10));

        await Poll.UntilAsync(() => !total.IsEmpty, "the district total is published after 10 s");
        var district = FlowTestHost.Payload(total.First());
        Assert.Equal(85, district["free"]!.GetValue<double>());
        Assert.Equal(3, district["carParks"]!.GetValue<int>());
        Assert.Single(_host.Alerts.List("traffic"));
    }

    private static string Event(string lot, int free, int total) => $$"""
        { "lot": "{{lot}}", "name": "Car park {{lot}}", "nameEn": "Car park {{lot}}", "area": "Luohu", "kind": "public",
          "total": {{total}}, "free": {{free}}, "occupied": {{total - free}}, "status": "available",
          "latitude": 22.54, "longitude": 114.12, "timestamp": "2026-11-21T10:00:00Z" }
        """;
}
