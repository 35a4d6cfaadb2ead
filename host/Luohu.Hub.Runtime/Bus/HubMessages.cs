using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.Bus;

/// <summary>Creating messages and reading their payloads.</summary>
internal static class HubMessages
{
    /// <summary>A new message with a time-ordered id (UUID v7) and the current time from <paramref name="timeProvider"/>.</summary>
    public static HubMessage Create(
        string topic,
        ReadOnlyMemory<byte> utf8JsonPayload,
        string source,
        TimeProvider timeProvider,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var now = timeProvider.GetUtcNow();
        var message = new HubMessage
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            Topic = topic,
            Payload = utf8JsonPayload,
            Timestamp = now,
            Source = source,
        };
        return headers is null ? message : message with { Headers = headers };
    }

    /// <summary>A new message whose payload is <paramref name="payload"/> serialized as JSON (<c>null</c> for none).</summary>
    public static HubMessage Create(string topic, JsonNode? payload, string source, TimeProvider timeProvider, IReadOnlyDictionary<string, string>? headers = null)
    {
        var bytes = payload is null ? "null"u8.ToArray() : JsonSerializer.SerializeToUtf8Bytes(payload);
        return Create(topic, bytes, source, timeProvider, headers);
    }

    /// <summary>Parses the payload into a mutable <see cref="JsonNode"/>; <see langword="null"/> for an empty or JSON <c>null</c> payload.</summary>
    /// <exception cref="JsonException">The payload is not valid JSON.</exception>
    public static JsonNode? PayloadAsNode(this HubMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Payload.IsEmpty ? null : JsonNode.Parse(message.Payload.Span);
    }

    /// <summary>Parses the payload into a read-only document the caller must dispose.</summary>
    /// <exception cref="JsonException">The payload is not valid JSON.</exception>
    public static JsonDocument PayloadAsDocument(this HubMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonDocument.Parse(message.Payload);
    }

    /// <summary>The payload as text (for logs, SSE, the debug node).</summary>
    public static string PayloadAsString(this HubMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Encoding.UTF8.GetString(message.Payload.Span);
    }
}
