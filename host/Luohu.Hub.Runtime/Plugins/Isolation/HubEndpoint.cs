using System.Collections.Concurrent;
using Luohu.Hub.Sdk.Plugins;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Plugins.Isolation;

/// <summary>
/// The hub's side of one isolated plugin's channel: events (checked again here, the child is not trusted to
/// have done it), the plugin's state store and its logs. One per loaded version; it outlives process restarts.
/// </summary>
internal sealed class HubEndpoint(IPluginStateStore state, ILogger pluginLogger)
{
    private readonly ConcurrentDictionary<string, PluginEventSink> sinks = new(StringComparer.Ordinal);

    public void Open(string sourceId, PluginEventSink sink) => sinks[sourceId] = sink;

    public async Task EventsAsync(string sourceId, RemoteEvent[] events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (!sinks.TryGetValue(sourceId, out var sink))
        {
            return;
        }

        foreach (var e in events)
        {
            try
            {
                await sink.EmitAsync(e.Topic, e.Payload, CancellationToken.None);
            }
            catch (ArgumentException)
            {
                // Counted as rejected by the sink; the child checks first, so this is a child that skipped it.
            }
        }
    }

    public void Rejected(string sourceId, string problem)
    {
        if (sinks.TryGetValue(sourceId, out var sink))
        {
            sink.RecordRejected(problem);
        }
    }

    public Task<string?> StateGetAsync(string key) => state.GetAsync(key, CancellationToken.None).AsTask();

    public Task StateSetAsync(string key, string value) => state.SetAsync(key, value, CancellationToken.None).AsTask();

    public Task StateRemoveAsync(string key) => state.RemoveAsync(key, CancellationToken.None).AsTask();

    public void Log(string category, int level, string message)
    {
        var logLevel = (LogLevel)Math.Clamp(level, 0, 6);
        PluginLog.PluginMessage(pluginLogger, logLevel, category, message);
    }
}
