using System.Text;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Tests.Flows;
using Luohu.Hub.Runtime.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Tests.Webhooks;

public sealed class WebhookRouterTests : IAsyncDisposable
{
    private readonly FlowTestHost _host = new(services => services.AddHubWebhooks());

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private IWebhookRouter Router => _host.Provider.GetRequiredService<IWebhookRouter>();

    private Task<Luohu.Hub.Runtime.Flows.FlowDeployment> DeployAsync(string id, string hookConfig) => _host.DeployAsync($$"""
        { "id": "{{id}}", "name": "Hook", "department": "fire",
          "nodes": [ { "id": "hook", "type": "trigger.http", "config": {{hookConfig}} },
                     { "id": "out", "type": "publish", "config": { "topic": "test/{{id}}/out" } } ],
          "wires": [ { "from": "hook", "to": "out" } ] }
        """);

    private static WebhookRequest Request(string path, string body, string? contentType = "application/json", string method = "POST", Dictionary<string, string>? headers = null) =>
        new("fire", path, method, new Dictionary<string, string> { ["lane"] = "2" }, headers ?? [], Encoding.UTF8.GetBytes(body), contentType, "10.0.0.7");

    [Fact]
    public async Task Request_BecomesAMessage_WithBodyQueryHeadersMethodPathAndIp()
    {
        var output = _host.Watch("test/shape/out");
        await DeployAsync("shape", """{ "auth": "public", "path": "dispatch/engine" }""");
        var headers = new Dictionary<string, string> { ["X-Unit"] = "E7", ["Authorization"] = "Bearer x", ["Cookie"] = "c=1" };

        var response = await Router.HandleAsync(Request("dispatch/engine", """{ "unit": "E7" }""", headers: headers), CancellationToken.None);
        await Poll.UntilAsync(() => !output.IsEmpty, "the message went through the flow");

        Assert.Equal(202, response.Status);
        var payload = FlowTestHost.Payload(output.Single());
        Assert.Equal("E7", payload["body"]!["unit"]!.GetValue<string>());
        Assert.Equal("2", payload["query"]!["lane"]!.GetValue<string>());
        Assert.Equal("E7", payload["headers"]!["X-Unit"]!.GetValue<string>());
        Assert.Null(payload["headers"]!["Authorization"]);
        Assert.Null(payload["headers"]!["Cookie"]);
        Assert.Equal("POST", payload["method"]!.GetValue<string>());
        Assert.Equal("dispatch/engine", payload["path"]!.GetValue<string>());
        Assert.Equal("10.0.0.7", payload["remoteIp"]!.GetValue<string>());
        Assert.Equal("webhook", output.Single().Headers!["source"]);
    }

    [Fact]
    public async Task SharedSecretHeader_DoesNotTravelWithTheMessage()
    {
        var output = _host.Watch("test/hidden/out");
        await DeployAsync("hidden", """{ "path": "hidden", "auth": "secret", "secret": "k" }""");

        await Router.HandleAsync(Request("hidden", "{}", headers: new() { ["X-Hook-Secret"] = "k" }), CancellationToken.None);
        await Poll.UntilAsync(() => !output.IsEmpty, "the message went through the flow");

        Assert.Null(FlowTestHost.Payload(output.Single())["headers"]!["X-Hook-Secret"]);
    }

    [Fact]
    public async Task NonJsonBody_ArrivesAsText()
    {
        var output = _host.Watch("test/text/out");
        await DeployAsync("text", """{ "auth": "public", "path": "text" }""");

        await Router.HandleAsync(Request("text", "level=3", "application/x-www-form-urlencoded"), CancellationToken.None);
        await Poll.UntilAsync(() => !output.IsEmpty, "the message went through the flow");

        Assert.Equal("level=3", FlowTestHost.Payload(output.Single())["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task MethodNotConfigured_Is405_WithAllow()
    {
        await DeployAsync("methods", """{ "auth": "public", "path": "methods", "methods": ["put", "PATCH"] }""");

        var response = await Router.HandleAsync(Request("methods", "{}"), CancellationToken.None);

        Assert.Equal(405, response.Status);
        Assert.Equal("PUT, PATCH", response.Headers["Allow"]);
    }

    [Fact]
    public async Task Route_ExistsOnlyWhileDeployed()
    {
        await DeployAsync("life", """{ "auth": "public", "path": "life" }""");
        Assert.NotNull(Router.Find("fire", "life"));

        await _host.Flows.DeleteAsync("life", "tester", CancellationToken.None);

        Assert.Null(Router.Find("fire", "life"));
        Assert.Equal(404, (await Router.HandleAsync(Request("life", "{}"), CancellationToken.None)).Status);
    }

    [Theory]
    [InlineData("""{ "auth": "public", "path": "../etc" }""", "path")]
    [InlineData("""{ "path": "ok", "auth": "hmac" }""", "secretRef")]
    [InlineData("""{ "path": "ok" }""", "auth")]
    [InlineData("""{ "path": "ok", "auth": "none" }""", "auth")]
    [InlineData("""{ "path": "ok", "auth": "secret", "secretRef": "no-such-secret" }""", "secretRef")]
    [InlineData("""{ "path": "ok", "auth": "public", "secretRef": "x" }""", "secretRef")]
    [InlineData("""{ "auth": "public", "path": "ok", "methods": ["TRACE"] }""", "methods")]
    public void Validate_BadWebhook_NamesTheField(string config, string field)
    {
        var flow = Luohu.Hub.Runtime.Flows.FlowJson.Deserialize($$"""
            { "id": "bad", "name": "Bad", "department": "fire",
              "nodes": [ { "id": "hook", "type": "trigger.http", "config": {{config}} } ], "wires": [] }
            """);

        Assert.Contains(_host.Flows.Validate(flow), p => p.Path == $"nodes[hook].config.{field}");
    }

    [Fact]
    public async Task Save_InlineSecret_MovesIntoTheDepartmentsSecretsAndTheFlowKeepsOnlyItsName()
    {
        await DeployAsync("inline", """{ "path": "inline", "auth": "secret", "secret": "k-123" }""");

        var stored = await _host.Flows.GetAsync("inline", CancellationToken.None);
        var config = stored!.Nodes.Single(n => n.Id == "hook").Config!.Value;
        Assert.False(config.TryGetProperty("secret", out _));
        Assert.Equal("inline.hook", config.GetProperty("secretRef").GetString());
        var secrets = _host.Provider.GetRequiredService<Luohu.Hub.Runtime.Security.IDepartmentSecrets>();
        Assert.Equal("k-123", secrets.Reveal("fire", "inline.hook"));
        Assert.Equal(202, (await Router.HandleAsync(Request("inline", "{}", headers: new() { ["X-Hook-Secret"] = "k-123" }), CancellationToken.None)).Status);
        Assert.Equal(403, (await Router.HandleAsync(Request("inline", "{}", headers: new() { ["X-Hook-Secret"] = "k-124" }), CancellationToken.None)).Status);
    }

    [Fact]
    public void Signature_IsHmacSha256OfTheBody_InHex()
    {
        var body = Encoding.UTF8.GetBytes("""{"n":1}""");

        var signature = WebhookAuth.Sign(body, "key");

        Assert.Equal("sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("key"u8, body)), signature);
        Assert.Equal(71, signature.Length);
    }
}
