using System.Diagnostics;
using System.Text.Json.Nodes;
using Luohu.Hub.Host.Tests;
using MQTTnet;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>MQTT 3.1.1, a username and password, and the last will, against a mosquitto that requires a password.</summary>
public sealed class ProtocolOptionsTests
{
    private const string User = "luohu-hub";
    private const string Password = "s3cret-for-tests";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Over_MQTT_3_1_1_with_a_password_the_bridge_runs_a_flow_and_its_last_will_is_published_when_the_hub_is_killed()
    {
        await using var broker = await MosquittoBroker.StartAsync(extraConfig: PasswordConfig);
        var dataPath = Path.Combine(Path.GetTempPath(), "luohu-mqtt-tests", "hub-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        var settings = BridgeRoundTripTests.Settings(broker, "v311-hub",
            ("Hub:Mqtt:ProtocolVersion", "3.1.1"),
            ("Hub:Mqtt:Username", User),
            ("Hub:Mqtt:Password", Password),
            ("Hub:Mqtt:LastWill:Topic", "luohu/hubs/v311-hub/status"),
            ("Hub:Mqtt:LastWill:Payload", """{"online":false}"""),
            ("Hub:Mqtt:LastWill:Qos", "1"));
        await using var watcher = await TestClient.ConnectAsync(Authenticated(broker, "watcher"), ["luohu/hubs/+/status", "luohu/district/v311-out"]);
        using var hub = await HubProcess.StartAsync(dataPath, MosquittoBroker.FreePort(), settings);
        await Flows.DeployAsync(hub.Client, Flows.Relay("relay", "sensors/v311", "district/v311-out", "msg.payload = { n: msg.payload.n + 1 }; return msg;"));
        await Poll.UntilAsync(() => broker.Log.Contains(" as v311-hub ", StringComparison.Ordinal), Deadline, "the hub connected");

        await watcher.PublishAsync("luohu/sensors/v311", """{"n":41}""");
        await Poll.UntilAsync(() => watcher.Received.Any(m => m.Topic == "luohu/district/v311-out"), Deadline, "the flow's output at the broker");
        Assert.Equal(42, JsonNode.Parse(watcher.Received.First(m => m.Topic == "luohu/district/v311-out").Payload)!["n"]!.GetValue<int>());
        var connectLine = broker.Log.Split('\n').First(l => l.Contains(" as v311-hub ", StringComparison.Ordinal));
        Assert.Contains("(p2,", connectLine, StringComparison.Ordinal);
        Assert.Contains($"u'{User}'", connectLine, StringComparison.Ordinal);
        Assert.DoesNotContain(watcher.Received, m => m.Topic == "luohu/hubs/v311-hub/status");

        hub.Kill();

        await Poll.UntilAsync(() => watcher.Received.Any(m => m.Topic == "luohu/hubs/v311-hub/status"), Deadline, "the hub's last will");
        Assert.False(JsonNode.Parse(watcher.Received.First(m => m.Topic == "luohu/hubs/v311-hub/status").Payload)!["online"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_visible_error_and_the_hub_stays_up()
    {
        await using var broker = await MosquittoBroker.StartAsync(extraConfig: PasswordConfig);
        await using var hub = await HubServer.StartAsync(BridgeRoundTripTests.Settings(broker, "bad-password-hub",
            ("Hub:Mqtt:Username", User), ("Hub:Mqtt:Password", "not-the-password")));

        var state = await BridgeRoundTripTests.StateWhenAsync(hub, s => s["lastError"] is not null, "a refused connect on /api/v1/mqtt");

        Assert.False(state["connected"]!.GetValue<bool>());
        var health = await hub.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.True(health.IsSuccessStatusCode);
        Assert.DoesNotContain("not-the-password", state.ToJsonString(), StringComparison.Ordinal);
    }

    private static string PasswordConfig(string folder)
    {
        var file = Path.Combine(folder, "passwd");
        using (var passwd = Process.Start(new ProcessStartInfo("mosquitto_passwd", ["-b", "-c", file, User, Password]) { RedirectStandardError = true })!)
        {
            passwd.WaitForExit();
            Assert.True(passwd.ExitCode == 0, "mosquitto_passwd failed: " + passwd.StandardError.ReadToEnd());
        }

        // Started as root, mosquitto reads the file as the 'mosquitto' user.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, (UnixFileMode)0b110_110_110);
        }

        return $"allow_anonymous false\npassword_file {file}\n";
    }

    private static MqttClientOptions Authenticated(MosquittoBroker broker, string clientId) =>
        TestClient.Options(broker.Port, clientId + "-" + Guid.NewGuid().ToString("N")[..6]).WithCredentials(User, Password).Build();
}
