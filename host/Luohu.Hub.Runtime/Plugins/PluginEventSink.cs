using System.Text.Json;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Sdk.Connectors;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>Checks each event of one source and puts it on the bus as a <see cref="HubMessage"/>.</summary>
internal sealed class PluginEventSink(string pluginId, string sourceId, ConnectorStats stats, IMessagePublisher publisher, TimeProvider time, int maxBytes) : IEventSink
{
    private const int MaxTopicLength = 256;
    private readonly string source = $"plugin:{pluginId}/{sourceId}";

    public ValueTask EmitAsync(string topic, ReadOnlyMemory<byte> utf8JsonPayload, CancellationToken cancellationToken)
    {
        if (Validate(topic, utf8JsonPayload.Span, maxBytes) is { } problem)
        {
            stats.RecordRejected(problem);
            throw new ArgumentException($"Event from '{source}' rejected: {problem}");
        }

        stats.RecordEvent();
        return publisher.PublishAsync(
            new HubMessage
            {
                Id = Guid.NewGuid().ToString("N"),
                Topic = topic,

                // The plugin may reuse its buffer once EmitAsync returns; the bus keeps the message longer.
                Payload = utf8JsonPayload.ToArray(),
                Timestamp = time.GetUtcNow(),
                Source = source,
            },
            cancellationToken);
    }

    /// <summary>A plugin process's events are recorded as rejected here when its own sink refused them.</summary>
    public void RecordRejected(string problem) => stats.RecordRejected(problem);

    /// <summary>Why an event cannot go on the bus, or null; the plugin process's sink asks the same.</summary>
    public static string? Validate(string topic, ReadOnlySpan<byte> payload, int maxBytes)
    {
        if (string.IsNullOrEmpty(topic))
        {
            return "the topic is empty; use a concrete topic such as 'sensors/parking/LH-0042/occupancy'";
        }

        if (topic.Length > MaxTopicLength)
        {
            return $"the topic is {topic.Length} characters long; the limit is {MaxTopicLength}";
        }

        if (topic.Contains('+', StringComparison.Ordinal) || topic.Contains('#', StringComparison.Ordinal))
        {
            return $"the topic '{topic}' contains a wildcard ('+' or '#'); events need a concrete topic";
        }

        if (topic.Split('/').Any(level => level.Length == 0))
        {
            return $"the topic '{topic}' has an empty level (leading, trailing or double '/')";
        }

        if (payload.Length > maxBytes)
        {
            return $"the payload is {payload.Length} bytes; the limit is {maxBytes} (Hub:MaxEventBytes)";
        }

        try
        {
            var reader = new Utf8JsonReader(payload);
            while (reader.Read())
            {
            }

            return reader.BytesConsumed == 0 ? "the payload is empty; send a JSON value" : null;
        }
        catch (JsonException ex)
        {
            return $"the payload is not valid JSON ({ex.Message})";
        }
    }
}
