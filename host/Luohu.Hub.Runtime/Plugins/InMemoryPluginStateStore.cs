using System.Collections.Concurrent;
using Luohu.Hub.Sdk.Plugins;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>One plugin's key-value state, held in memory with the SDK's documented limits.</summary>
internal sealed class InMemoryPluginStateStore : IPluginStateStore
{
    private const int MaxKeyLength = 200;
    private const int MaxValueLength = 64 * 1024;
    private readonly ConcurrentDictionary<string, string> values = new(StringComparer.Ordinal);

    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(values.TryGetValue(CheckKey(key), out var value) ? value : null);

    public ValueTask SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxValueLength)
        {
            throw new ArgumentException($"State value for '{key}' is {value.Length} characters; the limit is {MaxValueLength}.", nameof(value));
        }

        values[CheckKey(key)] = value;
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        values.TryRemove(CheckKey(key), out _);
        return ValueTask.CompletedTask;
    }

    private static string CheckKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return key.Length <= MaxKeyLength ? key : throw new ArgumentException($"State key is {key.Length} characters; the limit is {MaxKeyLength}.", nameof(key));
    }
}
