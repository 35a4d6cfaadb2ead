using System.Text.Json;

namespace Luohu.Hub.Sdk.Connectors;

/// <summary>Conveniences over <see cref="IEventSink"/>.</summary>
public static class EventSinkExtensions
{
    private static readonly JsonSerializerOptions WebOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Serializes <paramref name="payload"/> as camel-case JSON and emits it.</summary>
    /// <typeparam name="T">The payload's type.</typeparam>
    /// <param name="sink">The sink.</param>
    /// <param name="topic">A concrete topic without wildcards.</param>
    /// <param name="payload">The payload.</param>
    /// <param name="cancellationToken">Cancels the wait when the bus is full.</param>
    public static ValueTask EmitAsync<T>(this IEventSink sink, string topic, T payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return sink.EmitAsync(topic, JsonSerializer.SerializeToUtf8Bytes(payload, WebOptions), cancellationToken);
    }
}
