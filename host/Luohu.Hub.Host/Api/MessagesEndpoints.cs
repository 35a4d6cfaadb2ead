using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Luohu.Hub.Host.Security;
using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Host.Api;

/// <summary><c>/api/v1/messages</c>: publish onto the bus, and watch it live as server-sent events.</summary>
internal static class MessagesEndpoints
{
    /// <summary>A browser that reads slowly must never slow the hub: the stream drops its oldest messages instead.</summary>
    private const int StreamBuffer = 512;

    public static RouteGroupBuilder MapMessagesApi(this RouteGroupBuilder api)
    {
        var messages = api.MapGroup("/messages").WithTags("Messages");
        messages.MapPost("/", PublishAsync).WithSummary("Publishes { topic, payload, headers? } on the bus.");
        messages.MapGet("/stream", StreamAsync)
            .WithSummary("Server-sent events of every message matching ?topic= (MQTT filter, default #; $hub/debug/{flowId}/# for a flow's debug nodes); needs a stream grant covering it.");
        return api;
    }

    private static async Task<IResult> PublishAsync(HttpContext context, IMessagePublisher publisher, StreamAccess access, TimeProvider clock, CancellationToken ct)
    {
        var body = await ApiJson.ReadBodyAsync(context, ct);
        PublishRequest request;
        try
        {
            request = body.Deserialize<PublishRequest>(ApiJson.WebOptions)
                ?? throw new ApiBadRequestException("Invalid message", "Send { \"topic\": \"a/b\", \"payload\": { ... } }.");
        }
        catch (JsonException error)
        {
            throw new ApiBadRequestException("Invalid message", $"The message does not fit {{ topic, payload, headers }} at {error.Path}: {ApiJson.Explain(error)}");
        }

        if (TopicFilter.ValidateTopic(request.Topic) is { } topicError)
        {
            throw new ApiBadRequestException("Invalid topic", topicError);
        }

        if (await access.CheckPublishAsync(context, request.Topic!, ct) is { } denied)
        {
            return denied;
        }

        var message = new HubMessage
        {
            Id = Guid.NewGuid().ToString("N"),
            Topic = request.Topic!,
            Payload = JsonSerializer.SerializeToUtf8Bytes(request.Payload),
            Headers = request.Headers ?? new Dictionary<string, string>(),
            Timestamp = clock.GetUtcNow(),
            Source = "api",
        };
        await publisher.PublishAsync(message, ct);
        return TypedResults.Accepted((string?)null, new { id = message.Id, topic = message.Topic });
    }

    private static async Task<IResult> StreamAsync(string? topic, HttpContext context, IMessageBus bus, StreamAccess access, CancellationToken ct)
    {
        var filter = string.IsNullOrWhiteSpace(topic) ? "#" : topic;
        if (!TopicFilter.TryParse(filter, out _, out var filterError))
        {
            throw new ApiBadRequestException("Invalid topic filter", filterError);
        }

        if (await access.CheckSubscribeAsync(context, filter, ct) is { } denied)
        {
            return denied;
        }

        return TypedResults.ServerSentEvents(ReadAsync(bus, filter, ct));
    }

    private static async IAsyncEnumerable<SseItem<StreamedMessage>> ReadAsync(IMessageBus bus, string filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<HubMessage>(new BoundedChannelOptions(StreamBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        await using var subscription = bus.Subscribe(filter, (message, _) =>
        {
            channel.Writer.TryWrite(message);
            return ValueTask.CompletedTask;
        }, new SubscriptionOptions { Name = "api:stream " + filter, OverflowPolicy = OverflowPolicy.DropOldest, Capacity = StreamBuffer });

        yield return new SseItem<StreamedMessage>(new StreamedMessage("", filter, null, null, default, "hub"), "subscribed");
        await foreach (var message in channel.Reader.ReadAllAsync(ct))
        {
            yield return new SseItem<StreamedMessage>(StreamedMessage.From(message), "message") { EventId = message.Id };
        }
    }

    private sealed record PublishRequest(string? Topic, JsonNode? Payload, Dictionary<string, string>? Headers);

    internal sealed record StreamedMessage(string Id, string Topic, JsonNode? Payload, IReadOnlyDictionary<string, string>? Headers, DateTimeOffset Timestamp, string Source)
    {
        public static StreamedMessage From(HubMessage message)
        {
            JsonNode? payload;
            try
            {
                payload = JsonNode.Parse(message.Payload.Span);
            }
            catch (JsonException)
            {
                payload = JsonValue.Create(Convert.ToBase64String(message.Payload.Span));
            }

            return new StreamedMessage(message.Id, message.Topic, payload, message.Headers, message.Timestamp, message.Source);
        }
    }
}
