using System.Net.Http.Json;

namespace Luohu.Hub.Host.Tests;

/// <summary>One real hub shared by the webhook tests (each test uses its own flows and paths).</summary>
public sealed class WebhookHubFixture : IAsyncLifetime
{
    public HubServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await HubServer.StartAsync(new Dictionary<string, string?> { ["Hub:Flows:SamplesPath"] = string.Empty });
        await HubServer.EnsureSuccessAsync(await Server.Client.PutAsJsonAsync("/api/v1/departments/fire", new { nameZh = "消防救援大队", nameEn = "Fire and Rescue" }));
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Saves the flow (department <c>fire</c>, webhook trigger <c>hook</c> wired to <paramref name="nodes"/>) and deploys it.</summary>
    public async Task<HttpResponseMessage> DeployAsync(string id, string hookConfig, string nodes = "", string wires = "")
    {
        var json = $$"""
            { "id": "{{id}}", "name": "Hook {{id}}", "department": "fire",
              "nodes": [ { "id": "hook", "type": "trigger.http", "config": {{hookConfig}} }{{(nodes.Length > 0 ? ", " + nodes : "")}} ],
              "wires": [ {{wires}} ] }
            """;
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var saved = await Server.Client.PutAsync(new Uri($"/api/v1/flows/{id}", UriKind.Relative), content);
        await HubServer.EnsureSuccessAsync(saved);
        return await Server.Client.PostAsJsonAsync(new Uri($"/api/v1/flows/{id}/deploy", UriKind.Relative), new { comment = "test" });
    }
}
