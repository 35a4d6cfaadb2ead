using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Host.Tests;
using MQTTnet;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>The real hub with its embedded broker on a free loopback port; device credentials issued through the API.</summary>
public sealed class EmbeddedHub : IAsyncDisposable
{
    private EmbeddedHub(HubServer server, int port, Dictionary<string, string?> settings)
    {
        Server = server;
        Port = port;
        Settings = settings;
    }

    public HubServer Server { get; private set; }
    public int Port { get; }
    public Dictionary<string, string?> Settings { get; }
    public HttpClient Client => Server.Client;

    public static async Task<EmbeddedHub> StartAsync(params (string Key, string Value)[] extra)
    {
        var port = MosquittoBroker.FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["Hub:Mqtt:Broker:Enabled"] = "true",
            ["Hub:Mqtt:Broker:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:Mqtt:Broker:Address"] = "127.0.0.1",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var server = await HubServer.StartAsync(settings);
        var hub = new EmbeddedHub(server, port, settings);
        await Flows.StateWhenAsync(server.Client, s => s["embeddedBroker"]?["listening"]?.GetValue<bool>() == true, "the embedded broker listening");
        return hub;
    }

    /// <summary>Stops the hub (gracefully: the broker writes its files) and starts it again on the same data folder and port.</summary>
    public async Task RestartAsync()
    {
        var dataPath = Server.DataPath;
        await Server.StopAsync();
        Server = await HubServer.StartAsync(Settings, dataPath);
        await Flows.StateWhenAsync(Server.Client, s => s["embeddedBroker"]?["listening"]?.GetValue<bool>() == true, "the embedded broker listening again");
    }

    /// <summary>Gives <paramref name="department"/> a stream grant (as an admin does).</summary>
    public async Task GrantAsync(string department, string filter) =>
        await HubServer.EnsureSuccessAsync(await Client.PostAsJsonAsync(new Uri("/api/v1/grants", UriKind.Relative), new { department, kind = "stream", target = filter }));

    /// <summary>Issues a device credential through the API; the answer's user name and password.</summary>
    public async Task<(string User, string Password)> IssueAsync(string department, string name, params string[] publish)
    {
        var response = await Client.PostAsJsonAsync(new Uri("/api/v1/devices", UriKind.Relative), new { department, name, publish = publish.Length == 0 ? null : publish });
        await HubServer.EnsureSuccessAsync(response);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["userName"]!.GetValue<string>(), body["password"]!.GetValue<string>());
    }

    public MqttClientOptionsBuilder Options((string User, string Password)? credentials, string? clientId = null)
    {
        var options = TestClient.Options(Port, clientId);
        return credentials is { } c ? options.WithCredentials(c.User, c.Password) : options;
    }

    public Task<JsonObject> BrokerStateWhenAsync(Func<JsonObject, bool> condition, string what) =>
        Flows.StateWhenAsync(Client, s => condition(s["embeddedBroker"]!.AsObject()), what).ContinueWith(t => t.Result["embeddedBroker"]!.AsObject(), TaskScheduler.Default);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
