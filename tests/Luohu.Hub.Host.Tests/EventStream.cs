using System.Text.Json;

namespace Luohu.Hub.Host.Tests;

/// <summary>Reads <c>/api/v1/messages/stream</c> as a client would: one open SSE response, messages as JSON.</summary>
internal sealed class EventStream : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;

    private EventStream(HttpResponseMessage response, StreamReader reader)
    {
        this.response = response;
        this.reader = reader;
    }

    public static Task<EventStream> OpenAsync(HubServer hub, string filter) => OpenAsync(hub.Client, filter);

    /// <summary>Opens the stream as the caller <paramref name="client"/> stands for.</summary>
    public static async Task<EventStream> OpenAsync(HttpClient client, string filter)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/messages/stream?topic=" + Uri.EscapeDataString(filter));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await HubServer.EnsureSuccessAsync(response);
        var stream = new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        await stream.NextAsync("subscribed");
        return stream;
    }

    /// <summary>The next event of a kind (default: message) whose JSON satisfies <paramref name="match"/>.</summary>
    public async Task<JsonElement> NextAsync(string kind = "message", Func<JsonElement, bool>? match = null, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        string? eventName = null;
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == kind)
            {
                var data = JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
                if (match is null || match(data))
                {
                    return data;
                }
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
