using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Host.Tests;
using MQTTnet;
using MQTTnet.Protocol;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>The embedded broker's sign-in and topic ACLs, with mosquitto_pub/mosquitto_sub and an MQTTnet client.</summary>
public sealed class EmbeddedBrokerAccessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_device_signs_in_with_its_issued_credential_and_its_reading_runs_a_flow_whose_result_a_subscribed_device_receives()
    {
        await using var hub = await EmbeddedHub.StartAsync();
        await Flows.DeployAsync(hub.Client, Flows.Relay("lots", "lots/+/occupancy", "lots/{{payload.lot}}/status", "msg.payload = { lot: msg.payload.lot, free: msg.payload.total - msg.payload.used }; return msg;"));
        var sensor = await hub.IssueAsync("traffic", "LH-7 sensor", "lots/+/occupancy");
        var map = await hub.IssueAsync("traffic", "map app");
        await using var watcher = await TestClient.ConnectAsync(hub.Options(map).Build(), ["lots/+/status"]);

        var published = await RunAsync("mosquitto_pub", "-h", "127.0.0.1", "-p", Port(hub), "-u", sensor.User, "-P", sensor.Password, "-q", "1", "-V", "mqttv5",
            "-t", "lots/LH-7/occupancy", "-m", """{"lot":"LH-7","total":100,"used":58}""");

        Assert.Equal(0, published.ExitCode);
        await Poll.UntilAsync(() => !watcher.Received.IsEmpty, Deadline, "the flow's result at the subscribed device");
        var (topic, payload) = Assert.Single(watcher.Received);
        Assert.Equal("lots/LH-7/status", topic);
        Assert.Equal(42, JsonNode.Parse(payload)!["free"]!.GetValue<int>());
        var state = await hub.BrokerStateWhenAsync(s => s["clients"]!.AsArray().Count >= 1, "the connected client listed");
        var client = state["clients"]!.AsArray().Single(c => c!["clientId"]!.GetValue<string>() == watcher.ClientId)!;
        Assert.Equal("traffic", client["department"]!.GetValue<string>());
        Assert.Equal(map.User, client["credential"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_password_an_unknown_user_and_anonymous_clients_are_refused_and_counted()
    {
        await using var hub = await EmbeddedHub.StartAsync();
        var device = await hub.IssueAsync("traffic", "gateway");

        var wrong = await RunAsync("mosquitto_pub", "-h", "127.0.0.1", "-p", Port(hub), "-u", device.User, "-P", "not-the-password", "-t", "lots/x", "-m", "{}");
        var unknown = await RunAsync("mosquitto_pub", "-h", "127.0.0.1", "-p", Port(hub), "-u", "lhd_0000000000", "-P", device.Password, "-t", "lots/x", "-m", "{}");
        var anonymous = await RunAsync("mosquitto_pub", "-h", "127.0.0.1", "-p", Port(hub), "-t", "lots/x", "-m", "{}");
        using var mqttnet = new MqttClientFactory().CreateMqttClient();
        var refused = await mqttnet.ConnectAsync(hub.Options((device.User, "nope")).Build());

        Assert.NotEqual(0, wrong.ExitCode);
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.NotEqual(0, anonymous.ExitCode);
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, refused.ResultCode);
        await hub.BrokerStateWhenAsync(s => s["refusedConnections"]!.GetValue<long>() == 4, "four refused sign-ins");
    }

    [Fact]
    public async Task Publishing_outside_the_departments_grants_and_subscribing_to_another_departments_topics_are_denied_until_a_grant_is_given()
    {
        await using var hub = await EmbeddedHub.StartAsync();
        var water = await hub.IssueAsync("water", "level station");
        await using var client = await TestClient.ConnectAsync(hub.Options(water).Build(), []);
        using var mqtt = new MqttClientFactory().CreateMqttClient();
        await mqtt.ConnectAsync(hub.Options(water).Build());

        var own = await client.PublishAsync("sensors/water/WL-3/level", """{"level":3.2}""");
        var foreign = await client.PublishAsync("sensors/parking/LH-1/occupancy", """{"free":1}""");
        var deniedSubscription = await mqtt.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("sensors/parking/#").Build());
        await hub.GrantAsync("water", "sensors/parking/#");
        var grantedSubscription = await mqtt.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("sensors/parking/#").Build());

        Assert.True((int)own.ReasonCode < 0x80, $"own topic: {own.ReasonCode}");
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, foreign.ReasonCode);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, Assert.Single(deniedSubscription.Items).ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS0, Assert.Single(grantedSubscription.Items).ResultCode);
        var state = await hub.BrokerStateWhenAsync(s => s["denied"]!.GetValue<long>() == 2, "two ACL denials");
        Assert.Equal(1, state["received"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_revoked_credential_is_disconnected_at_once_refused_afterwards_and_both_changes_are_audited()
    {
        await using var hub = await EmbeddedHub.StartAsync();
        var response = await hub.Client.PostAsJsonAsync(new Uri("/api/v1/devices", UriKind.Relative), new { department = "traffic", name = "to revoke" });
        var issued = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = issued["credential"]!["id"]!.GetValue<string>();
        var credentials = (issued["userName"]!.GetValue<string>(), issued["password"]!.GetValue<string>());
        using var mqtt = new MqttClientFactory().CreateMqttClient();
        await mqtt.ConnectAsync(hub.Options(credentials).Build());

        var revoked = await hub.Client.DeleteAsync(new Uri($"/api/v1/devices/{id}", UriKind.Relative));
        await Poll.UntilAsync(() => !mqtt.IsConnected, Deadline, "the revoked client disconnected");
        using var again = new MqttClientFactory().CreateMqttClient();
        var refused = await again.ConnectAsync(hub.Options(credentials).Build());
        var list = await hub.Client.GetFromJsonAsync<JsonArray>(new Uri("/api/v1/devices", UriKind.Relative));
        var audit = await hub.Client.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/audit?action=device.*", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, refused.ResultCode);
        Assert.DoesNotContain(credentials.Item2, list!.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(list.Single(c => c!["id"]!.GetValue<string>() == id)!["revokedAt"]);
        Assert.Contains("device.issue", audit!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("device.revoke", audit.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issuing_a_credential_with_a_publish_filter_outside_the_grants_or_for_another_department_is_refused_and_nothing_is_stored()
    {
        await using var hub = await EmbeddedHub.StartAsync();
        using var trafficOps = await hub.Server.CreateClientAsync(["ops"], ["traffic"]);

        var outside = await trafficOps.PostAsJsonAsync(new Uri("/api/v1/devices", UriKind.Relative), new { department = "traffic", name = "x", publish = new[] { "cameras/#" } });
        var other = await trafficOps.PostAsJsonAsync(new Uri("/api/v1/devices", UriKind.Relative), new { department = "water", name = "x" });
        var unknown = await trafficOps.PostAsJsonAsync(new Uri("/api/v1/devices", UriKind.Relative), new { department = "nowhere", name = "x" });
        var list = await hub.Client.GetFromJsonAsync<JsonArray>(new Uri("/api/v1/devices", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("cameras/#", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Empty(list!);
    }

    internal static string Port(EmbeddedHub hub) => hub.Port.ToString(CultureInfo.InvariantCulture);

    internal static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
