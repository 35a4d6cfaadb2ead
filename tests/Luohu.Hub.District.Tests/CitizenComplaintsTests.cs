using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Luohu.Hub.Host.Tests;

namespace Luohu.Hub.District.Tests;

/// <summary>
/// "Citizen complaints (12345)" end to end: the two AI vendors installed from their bundled folders by the real loader,
/// the sample flow deployed at first start, tickets through its webhook, the departments' queues on the real bus, the
/// deadline on the hub's timer node.
/// </summary>
public sealed class CitizenComplaintsTests(CitizenComplaintsTests.Hub fixture) : IClassFixture<CitizenComplaintsTests.Hub>
{
    private const string Hook = "/hooks/urban/12345/tickets";
    private const string Secret = "sample-secret-replace-before-deploying";
    private readonly HubServer hub = fixture.Server;

    /// <summary>One hub for the class: tickets of different tests have different ids.</summary>
    public sealed class Hub : IAsyncLifetime
    {
        public HubServer Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await DistrictHub.StartAsync(new Dictionary<string, string?>
            {
                ["Hub:Plugins:wutong.ai:NetworkMilliseconds"] = "5",
            });
            await DistrictHub.WaitForCapabilityAsync(Server, "ai.classify-complaint");
            await DistrictHub.WaitForDeployedAsync(Server, "citizen-complaints");
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    [Fact]
    public async Task ATicket_IsRoutedToItsDepartmentsQueue_AndEscalatedWhenNotAcknowledgedInTime()
    {
        using var water = await hub.CreateClientAsync(["viewer"], ["water"]);
        await using var queue = await EventStream.OpenAsync(water, "complaints/water/#");

        var answer = await SendAsync(new { ticketId = "T-1001", text = "我们楼的自来水这几天发黄，还有一股铁锈味，烧开以后壶底全是沉淀。", ackWithinSeconds = 1 });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var routed = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("water", routed.GetProperty("department").GetString());
        Assert.Equal(3, routed.GetProperty("alternatives").GetArrayLength());

        var queued = await queue.NextAsync(match: m => m.GetProperty("topic").GetString() == "complaints/water/queue");
        Assert.Equal("T-1001", Payload(queued).GetProperty("ticketId").GetString());

        var escalation = await queue.NextAsync(match: m => m.GetProperty("topic").GetString() == "complaints/water/escalated");
        Assert.Equal("T-1001", Payload(escalation).GetProperty("ticketId").GetString());
        var alerts = await DistrictHub.AlertsAsync(hub.Client, "urban");
        Assert.Contains(alerts.EnumerateArray(), a => a.GetProperty("flowId").GetString() == "citizen-complaints" && a.GetProperty("title").GetString()!.Contains("T-1001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAcknowledgedTicket_IsNotEscalated()
    {
        using var police = await hub.CreateClientAsync(["editor"], ["police"]);
        await using var stream = await EventStream.OpenAsync(police, "complaints/police/#");

        // T-2001 is acknowledged and due first; T-2002 is not and due a second later: its escalation is the sign that
        // T-2001's deadline has passed too.
        var first = await SendAsync(new { ticketId = "T-2001", text = "接到一个自称公安局的电话，说我的银行卡涉嫌洗钱，要我把钱转到安全账户。", ackWithinSeconds = 2 });
        Assert.Equal("police", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("department").GetString());
        var ack = await police.PostAsJsonAsync("/api/v1/messages", new { topic = "complaints/police/ack", payload = new { ticketId = "T-2001" } });
        await HubServer.EnsureSuccessAsync(ack);
        var second = await SendAsync(new { ticketId = "T-2002", text = "楼下有人半夜喝酒打架砸东西，还有人受伤了，请派警察来处理。", ackWithinSeconds = 3 });
        Assert.Equal("police", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("department").GetString());

        var escalation = await stream.NextAsync(match: m => m.GetProperty("topic").GetString() == "complaints/police/escalated");
        Assert.Equal("T-2002", Payload(escalation).GetProperty("ticketId").GetString());
    }

    [Fact]
    public async Task AnotherDepartment_CannotReadThePolicesQueue()
    {
        using var education = await hub.CreateClientAsync(["viewer"], ["education"]);
        using var response = await education.GetAsync(new Uri("/api/v1/messages/stream?topic=" + Uri.EscapeDataString("complaints/police/#"), UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ATicketWithoutText_IsA400SayingWhatIsMissing()
    {
        var answer = await SendAsync(new { ticketId = "T-3001", ackWithinSeconds = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(errors, e => e!.StartsWith("body.text:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!.StartsWith("body.ackWithinSeconds:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWrongSecret_IsRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Hook) { Content = JsonContent.Create(new { ticketId = "T-4001", text = "路灯坏了" }) };
        request.Headers.Add("X-Hook-Secret", "guess");
        using var response = await hub.AnonymousClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(object ticket)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Hook) { Content = JsonContent.Create(ticket) };
        request.Headers.Add("X-Hook-Secret", Secret);
        return await hub.AnonymousClient().SendAsync(request);
    }

    private static JsonElement Payload(JsonElement message) =>
        message.GetProperty("payload") is { ValueKind: JsonValueKind.String } text ? JsonDocument.Parse(text.GetString()!).RootElement : message.GetProperty("payload");
}
