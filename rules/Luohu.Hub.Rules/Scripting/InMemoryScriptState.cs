using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>A thread-safe, in-memory <see cref="IScriptState"/>; values are copied in and out so a script never shares a node with the store.</summary>
public sealed class InMemoryScriptState : IScriptState
{
    private readonly ConcurrentDictionary<string, JsonNode> _values = new(StringComparer.Ordinal);

    /// <summary>The keys currently stored.</summary>
    public IReadOnlyCollection<string> Keys => [.. _values.Keys];

    /// <inheritdoc />
    public JsonNode? GetValue(string key) => _values.TryGetValue(key, out var value) ? value.DeepClone() : null;

    /// <inheritdoc />
    public void SetValue(string key, JsonNode? value)
    {
        if (value is null)
        {
            _values.TryRemove(key, out _);
        }
        else
        {
            _values[key] = value.DeepClone();
        }
    }
}
