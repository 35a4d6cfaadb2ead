using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Luohu.Hub.Host.Tests;

namespace Luohu.Hub.District.Tests;

/// <summary>
/// "Flood warning within one second" end to end: the water plugin installed from its bundled folder by the real loader,
/// its readings on the real bus, the sample flow deployed at first start. Hydrology runs 120 times faster than the
/// clock so a storm's rise takes seconds; no spontaneous rain or outages, so only the storm the test starts floods.
/// </summary>
public sealed class FloodWarningTests(FloodWarningTests.Hub fixture) : IClassFixture<FloodWarningTests.Hub>
{
    private readonly HubServer hub = fixture.Server;

    /// <summary>One hub for the class; only the rainstorm test makes it rain.</summary>
    public sealed class Hub : IAsyncLifetime
    {
        public HubServer Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await DistrictHub.StartAsync(new Dictionary<string, string?>
            {
                ["Hub:Plugins:luohu.water:TickMilliseconds"] = "200",
                ["Hub:Plugins:luohu.water:TimeScale"] = "120",
                ["Hub:Plugins:luohu.water:RainChancePerHour"] = "0",
                ["Hub:Plugins:luohu.water:OfflineChancePerHour"] = "0",
            });
            await DistrictHub.WaitForDeployedAsync(Server, "flood-warning");
            await DistrictHub.WaitForCapabilityAsync(Server, "water.start-rain");
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    [Fact]
    public async Task ARainstormOverNanhu_WarnsTheWaterAndEmergencyBureaus_OfNanhuStationsAboveTheirLineAndRising()
    {
        using var emergency = await hub.CreateClientAsync(["viewer"], ["emergency"]);
        await using var duty = await EventStream.OpenAsync(emergency, "district/water/flood-warning/#");

        var rain = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/water.start-rain", new { peakMmPerHour = 90, durationMinutes = 90, area = "Nanhu" });
        await HubServer.EnsureSuccessAsync(rain);

        var warning = await duty.NextAsync(seconds: 60);
        var payload = JsonDocument.Parse(warning.GetProperty("payload").GetRawText()).RootElement;
        Assert.Equal("Nanhu", payload.GetProperty("area").GetString());
        Assert.True(payload.GetProperty("value").GetDouble() > payload.GetProperty("warningLine").GetDouble(), payload.GetRawText());
        Assert.True(payload.GetProperty("value").GetDouble() > payload.GetProperty("previous").GetDouble(), payload.GetRawText());

        // The alert log: the water bureau's own flow, the emergency bureau reads it because the flow is shared with it.
        var alerts = (await DistrictHub.AlertsAsync(emergency)).EnumerateArray().Where(a => a.GetProperty("flowId").GetString() == "flood-warning").ToList();
        Assert.NotEmpty(alerts);
        Assert.All(alerts, a =>
        {
            Assert.Equal("critical", a.GetProperty("severity").GetString());
            Assert.Equal("water", a.GetProperty("department").GetString());
            Assert.Equal("Nanhu", a.GetProperty("payload").GetProperty("area").GetString());
        });

        // One warning per station per minute, however fast its level climbs.
        var stations = alerts.Select(a => a.GetProperty("payload").GetProperty("deviceId").GetString()).ToList();
        Assert.Equal(stations.Count, stations.Distinct().Count());
    }

    [Fact]
    public async Task AnotherBureau_SeesNeitherTheAlertsNorTheWarnings()
    {
        using var traffic = await hub.CreateClientAsync(["viewer"], ["traffic"]);
        var alerts = await DistrictHub.AlertsAsync(traffic);
        Assert.DoesNotContain(alerts.EnumerateArray(), a => a.GetProperty("flowId").GetString() == "flood-warning");

        using var stream = await traffic.GetAsync(new Uri("/api/v1/messages/stream?topic=" + Uri.EscapeDataString("district/water/flood-warning/#"), UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Forbidden, stream.StatusCode);
    }

    [Fact]
    public async Task StartRain_OutOfRange_IsA400NamingTheField()
    {
        var response = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/water.start-rain", new { peakMmPerHour = 900, durationMinutes = 30 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("peakMmPerHour", problem, StringComparison.Ordinal);
        Assert.Contains("1 to 200", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SensorRead_AWaterloggingPoint_AnswersItsLevelInCentimetres()
    {
        var response = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/sensor.read?provider=luohu.water", new { deviceId = "WL-01" });
        await HubServer.EnsureSuccessAsync(response);
        var reading = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("water.level", reading.GetProperty("kind").GetString());
        Assert.Equal("cm", reading.GetProperty("unit").GetString());
    }
}
