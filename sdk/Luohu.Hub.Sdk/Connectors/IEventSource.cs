namespace Luohu.Hub.Sdk.Connectors;

/// <summary>
/// A long-running source of events (a trigger). The host runs <see cref="RunAsync"/> while the plugin
/// is running, restarts it with backoff when it throws, and quarantines the plugin when it keeps failing.
/// </summary>
public interface IEventSource
{
    /// <summary>Emits events to <paramref name="sink"/> until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="sink">Where events go; waits when the hub applies back-pressure.</param>
    /// <param name="cancellationToken">Cancelled when the plugin stops, reloads or is upgraded.</param>
    Task RunAsync(IEventSink sink, CancellationToken cancellationToken);
}
