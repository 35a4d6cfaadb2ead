using Luohu.Hub.Designer.Views;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Plugins;

namespace Luohu.Hub.Designer.Tests.Views;

public sealed class PluginRowTests
{
    [Fact]
    public void From_ShowsTheWorstConnectorsErrorRate()
    {
        var row = PluginRow.From(Plugin(
            Connector("a", ConnectorKind.Action, calls: 10, errorRate: 0.1, p50: 2),
            Connector("b", ConnectorKind.Action, calls: 10, errorRate: 0.6, p50: 3)));

        Assert.Equal(0.6, row.ErrorRate);
    }

    [Fact]
    public void From_TakesLatencyOnlyFromActionsThatWereCalled()
    {
        var row = PluginRow.From(Plugin(
            Connector("called", ConnectorKind.Action, calls: 4, errorRate: 0, p50: 7, p99: 20),
            Connector("idle", ConnectorKind.Action, calls: 0, errorRate: 0, p50: 99, p99: 99),
            Connector("events", ConnectorKind.EventSource, calls: 5, errorRate: 0, p50: 50, p99: 50)));

        Assert.Equal(7, row.LatencyP50Ms);
        Assert.Equal(20, row.LatencyP99Ms);
    }

    [Fact]
    public void From_WithoutCalls_HasNoLatency()
    {
        var row = PluginRow.From(Plugin(Connector("idle", ConnectorKind.Action, calls: 0, errorRate: 0, p50: 0)));

        Assert.Null(row.LatencyP50Ms);
    }

    [Fact]
    public void From_ListsEachFamilyOnce()
    {
        var row = PluginRow.From(Plugin(
            Connector("signal.set", ConnectorKind.Action, 0, 0, 0, family: "ISignalController"),
            Connector("signal.get", ConnectorKind.Action, 0, 0, 0, family: "ISignalController"),
            Connector("vendor.extra", ConnectorKind.Action, 0, 0, 0)));

        Assert.Equal(["ISignalController"], row.Families);
        Assert.Equal(["signal.set", "signal.get", "vendor.extra"], row.Connectors);
    }

    private static PluginSnapshot Plugin(params ConnectorSnapshot[] connectors) => new()
    {
        Id = "luohu.test",
        Name = "Test",
        Vendor = "Vendor",
        Version = "1.0.0",
        State = PluginState.Running,
        Health = "Healthy",
        StateChangedAt = DateTimeOffset.UnixEpoch,
        Connectors = connectors,
    };

    private static ConnectorSnapshot Connector(string id, ConnectorKind kind, long calls, double errorRate, double p50, double? p99 = null, string? family = null) => new()
    {
        Id = id,
        Kind = kind,
        Title = id,
        Family = family,
        Metrics = new ConnectorMetrics { Calls = calls, ErrorRate = errorRate, LatencyP50Ms = p50, LatencyP99Ms = p99 ?? p50 },
    };
}
