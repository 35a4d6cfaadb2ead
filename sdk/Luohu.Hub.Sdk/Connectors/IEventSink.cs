namespace Luohu.Hub.Sdk.Connectors;

/// <summary>Receives the events of an <see cref="IEventSource"/> and puts them on the hub's message bus.</summary>
public interface IEventSink
{
    /// <summary>Emits one event.</summary>
    /// <param name="topic">A concrete topic without wildcards, e.g. <c>sensors/parking/LH-0042/occupancy</c>.</param>
    /// <param name="utf8JsonPayload">The payload as UTF-8 JSON.</param>
    /// <param name="cancellationToken">Cancels the wait when the bus is full.</param>
    /// <returns>Completes when the bus has accepted the event.</returns>
    ValueTask EmitAsync(string topic, ReadOnlyMemory<byte> utf8JsonPayload, CancellationToken cancellationToken);
}
