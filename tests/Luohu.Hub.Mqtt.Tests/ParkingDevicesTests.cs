using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Host.Tests;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>The bundled parking plugin as real MQTT devices: car park → embedded broker → parking-guidance flow → data service.</summary>
public sealed class ParkingDevicesTests
{
    [Fact]
    public async Task With_Mqtt_settings_the_parking_plugins_gateways_sign_in_to_the_embedded_broker_and_their_readings_feed_the_parking_data_service()
    {
        await using var hub = await EmbeddedHub.StartAsync();
        var gateway = await hub.IssueAsync("traffic", "parking gateways", "sensors/parking/+/occupancy");

        await HubServer.EnsureSuccessAsync(await hub.Client.PutAsJsonAsync(new Uri("/api/v1/plugins/luohu.parking/settings", UriKind.Relative), new
        {
            values = new Dictionary<string, string> { ["Mqtt:Url"] = $"mqtt://127.0.0.1:{hub.Port}", ["Mqtt:UserName"] = gateway.User, ["TickMilliseconds"] = "500" },
            secrets = new Dictionary<string, string> { ["Mqtt:Password"] = gateway.Password },
        }));

        var state = await hub.BrokerStateWhenAsync(
            s => s["clients"]!.AsArray().Count(c => c!["clientId"]!.GetValue<string>().StartsWith("parking-gw-", StringComparison.Ordinal)) == 10 && s["received"]!.GetValue<long>() >= 620,
            "ten subdistrict gateways connected and every car park reported through the broker");
        JsonObject? data = null;
        await Poll.UntilAsync(async () =>
        {
            data = await hub.Client.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/data/parking", UriKind.Relative));
            return data!["carParks"] is JsonArray { Count: 620 };
        }, TimeSpan.FromSeconds(30), "the parking data service fed by the flow");

        Assert.All(state["clients"]!.AsArray(), c => Assert.Equal("traffic", c!["department"]!.GetValue<string>()));
        Assert.Equal(0, state["denied"]!.GetValue<long>());
        Assert.Equal(620, data!["carParks"]!.AsArray().Count);
    }
}
