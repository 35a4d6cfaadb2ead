using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Plugins;

namespace Acme.Plugin;

/// <summary>An event source: runs until the hub cancels it; the hub restarts it with backoff if it throws.</summary>
internal sealed class HeartbeatSource(IPluginContext context) : IEventSource
{
    public async Task RunAsync(IEventSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var interval = TimeSpan.FromMilliseconds(int.TryParse(context.Configuration["HeartbeatMs"], out var ms) ? ms : 1000);
        for (var beat = 1L; !cancellationToken.IsCancellationRequested; beat++)
        {
            await sink.EmitAsync("vendors/acme.plugin/heartbeat", new Heartbeat(beat, context.TimeProvider.GetUtcNow()), cancellationToken);
            await Task.Delay(interval, context.TimeProvider, cancellationToken);
        }
    }

    private sealed record Heartbeat(long Beat, DateTimeOffset At);
}
