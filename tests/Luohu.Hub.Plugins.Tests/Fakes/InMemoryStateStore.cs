using System.Collections.Concurrent;
using Luohu.Hub.Sdk.Plugins;

namespace Luohu.Hub.Plugins.Tests.Fakes;

public sealed class InMemoryStateStore : IPluginStateStore
{
    public ConcurrentDictionary<string, string> Values { get; } = new();

    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Values.TryGetValue(key, out var value) ? value : null);

    public ValueTask SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        Values[key] = value;
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        Values.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }
}
