using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Luohu.Hub.Host.Tests;

public sealed class MessagesApiTests
{
    [Fact]
    public async Task A_published_message_arrives_on_the_server_sent_event_stream_of_a_matching_filter()
    {
        await using var hub = await HubServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/messages/stream?topic=" + Uri.EscapeDataString("test/+/ping"));
        using var response = await hub.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        await ReadUntilAsync(reader, "event: subscribed");

        var published = await hub.Client.PostAsJsonAsync("/api/v1/messages", new { topic = "test/a/ping", payload = new { n = 42 } });
        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        await hub.Client.PostAsJsonAsync("/api/v1/messages", new { topic = "test/a/other", payload = new { n = 1 } });

        await ReadUntilAsync(reader, "event: message");
        var data = await ReadUntilAsync(reader, "data: ");
        using var message = JsonDocument.Parse(data["data: ".Length..]);
        Assert.Equal("test/a/ping", message.RootElement.GetProperty("topic").GetString());
        Assert.Equal(42, message.RootElement.GetProperty("payload").GetProperty("n").GetInt32());
    }

    [Theory]
    [InlineData("""{ "topic": "a/+/b", "payload": 1 }""", "wildcard")]
    [InlineData("""{ "payload": 1 }""", "topic")]
    [InlineData("""{ "topic": "a/b", "payload": """, "line")]
    public async Task Publishing_a_bad_message_is_a_400_problem_saying_what_is_wrong(string body, string mentioned)
    {
        await using var hub = await HubServer.StartAsync();

        var response = await hub.Client.PostAsync(new Uri("/api/v1/messages", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mentioned, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_invalid_stream_filter_is_a_400_problem()
    {
        await using var hub = await HubServer.StartAsync();

        var response = await hub.Client.GetAsync(new Uri("/api/v1/messages/stream?topic=a/%23/b", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<string> ReadUntilAsync(StreamReader reader, string prefix)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("The event stream ended before '" + prefix + "'.");
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
        }
    }
}
