using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Webhooks;

namespace Luohu.Hub.Host.Tests;

public sealed class WebhooksApiTests(WebhookHubFixture hub) : IClassFixture<WebhookHubFixture>
{
    private const string Reply = """{ "id": "reply", "type": "http.response", "config": { "status": 201, "headers": { "X-Ticket": "T-{{payload.body.n}}" }, "body": { "got": "{{payload.body.n}}", "via": "{{payload.method}}" } } }""";

    private HttpClient Client => hub.Server.Client;

    [Fact]
    public async Task WebhookWithoutResponseNode_Answers202WithTheMessageId()
    {
        await HubServer.EnsureSuccessAsync(await hub.DeployAsync("plain", """{ "path": "plain/in" }"""));

        var response = await PostAsync("/hooks/fire/plain/in", """{ "n": 1 }""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.Content.ReadFromJsonAsync<JsonObject>())!["messageId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task HttpResponseNode_AnswersWithItsStatusHeadersAndBody()
    {
        await HubServer.EnsureSuccessAsync(await hub.DeployAsync("answer", """{ "path": "answer" }""", Reply, """{ "from": "hook", "to": "reply" }"""));

        var response = await PostAsync("/hooks/fire/answer", """{ "n": 42 }""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("T-42", response.Headers.GetValues("X-Ticket").Single());
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(42, body["got"]!.GetValue<int>());
        Assert.Equal("POST", body["via"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResponseNodeTooLate_TheHubAnswers202()
    {
        await HubServer.EnsureSuccessAsync(await hub.DeployAsync("late", """{ "path": "late", "responseTimeoutMs": 100 }""",
            """{ "id": "wait", "type": "delay", "config": { "ms": 5000 } }, """ + Reply,
            """{ "from": "hook", "to": "wait" }, { "from": "wait", "to": "reply" }"""));

        var response = await PostAsync("/hooks/fire/late", """{ "n": 1 }""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("sha256=00", HttpStatusCode.Forbidden)]
    [InlineData("wrong-key", HttpStatusCode.Forbidden)]
    [InlineData("valid", HttpStatusCode.Created)]
    public async Task HmacSignature_IsChecked(string? signature, HttpStatusCode expected)
    {
        await HubServer.EnsureSuccessAsync(await hub.DeployAsync("signed", """{ "path": "signed", "auth": "hmac", "secret": "s3cret" }""", Reply, """{ "from": "hook", "to": "reply" }"""));
        const string Body = """{ "n": 7 }""";
        var header = signature switch
        {
            "valid" => WebhookAuth.Sign(Encoding.UTF8.GetBytes(Body), "s3cret"),
            "wrong-key" => WebhookAuth.Sign(Encoding.UTF8.GetBytes(Body), "other"),
            _ => signature,
        };

        var response = await PostAsync("/hooks/fire/signed", Body, header is null ? null : ("X-Hub-Signature-256", header));

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("guess", HttpStatusCode.Forbidden)]
    [InlineData("shared-1", HttpStatusCode.Accepted)]
    public async Task SharedSecret_IsChecked(string? secret, HttpStatusCode expected)
    {
        await HubServer.EnsureSuccessAsync(await hub.DeployAsync("shared", """{ "path": "shared", "auth": "secret", "secret": "shared-1" }"""));

        var response = await PostAsync("/hooks/fire/shared", "{}", secret is null ? null : ("X-Hook-Secret", secret));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task MalformedJsonBody_Is400ProblemDetail()
    {
        await HubServer.EnsureSuccessAsync(await hub.DeployAsync("malformed", """{ "path": "malformed" }"""));

        var response = await PostAsync("/hooks/fire/malformed", """{ "n": """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownRoute_Is404()
    {
        var response = await PostAsync("/hooks/fire/nobody/here", "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Route_IsGoneAfterTheFlowIsDeleted()
    {
        await HubServer.EnsureSuccessAsync(await hub.DeployAsync("deleted", """{ "path": "deleted" }"""));
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync("/hooks/fire/deleted", "{}")).StatusCode);

        await HubServer.EnsureSuccessAsync(await Client.DeleteAsync(new Uri("/api/v1/flows/deleted", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync("/hooks/fire/deleted", "{}")).StatusCode);
    }

    [Fact]
    public async Task Route_MovesOnRedeploy()
    {
        await HubServer.EnsureSuccessAsync(await hub.DeployAsync("mover", """{ "path": "old-place" }"""));

        await HubServer.EnsureSuccessAsync(await hub.DeployAsync("mover", """{ "path": "new-place" }"""));

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync("/hooks/fire/old-place", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync("/hooks/fire/new-place", "{}")).StatusCode);
    }

    [Fact]
    public async Task SecondFlowClaimingADeployedRoute_IsRefusedAtDeploy()
    {
        await HubServer.EnsureSuccessAsync(await hub.DeployAsync("owner", """{ "path": "taken" }"""));

        var second = await hub.DeployAsync("intruder", """{ "path": "taken" }""");

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("already served by the deployed flow 'owner'", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string json, (string Name, string Value)? header = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (header is { } h)
        {
            request.Headers.TryAddWithoutValidation(h.Name, h.Value);
        }

        return await Client.SendAsync(request);
    }
}
