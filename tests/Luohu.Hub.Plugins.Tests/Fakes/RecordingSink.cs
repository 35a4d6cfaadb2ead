using System.Collections.Concurrent;
using System.Text.Json;
using Luohu.Hub.Sdk.Connectors;

namespace Luohu.Hub.Plugins.Tests.Fakes;

/// <summary>Keeps every emitted event.</summary>
public sealed class RecordingSink : IEventSink
{
    private readonly ConcurrentQueue<(string Topic, JsonElement Payload)> _events = new();

    public int Count => _events.Count;

    public IReadOnlyList<(string Topic, JsonElement Payload)> Events => _events.ToArray();

    public ValueTask EmitAsync(string topic, ReadOnlyMemory<byte> utf8JsonPayload, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(utf8JsonPayload);
        _events.Enqueue((topic, document.RootElement.Clone()));
        return ValueTask.CompletedTask;
    }
}
