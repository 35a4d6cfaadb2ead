using Luohu.Hub.Runtime.Storage;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Sdk.Connectors;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// Runs every event source of one loaded plugin version on its own task, restarting a source that throws
/// (or returns while not cancelled) after an exponential backoff on the hub's clock.
/// </summary>
internal sealed class EventSourceSupervisor(
    LoadedPlugin plugin,
    IEventSourceObserver observer,
    IMessagePublisher publisher,
    PluginOptions options,
    TimeProvider time,
    ILogger logger) : IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> runs = [];
    private readonly Lock gate = new();
    private Task<bool>? stopped;

    public void Start()
    {
        foreach (var source in plugin.Sources)
        {
            // Task.Run: a source that blocks synchronously in RunAsync must not block the caller starting it.
            runs.Add(Task.Run(() => SuperviseAsync(source, stopping.Token), CancellationToken.None));
        }
    }

    /// <summary>Cancels every source and waits for them, at most <see cref="PluginOptions.SourceStopTimeout"/>; false when one ignored cancellation.</summary>
    public Task<bool> StopAsync()
    {
        lock (gate)
        {
            return stopped ??= StopCoreAsync();
        }
    }

    private async Task<bool> StopCoreAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await Task.WhenAll(runs).WaitAsync(options.SourceStopTimeout, time);
            return true;
        }
        catch (TimeoutException)
        {
            PluginLog.SourceStopTimedOut(logger, plugin.Manifest.Id, options.SourceStopTimeout);
            return false;
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose() => stopping.Dispose();

    private async Task SuperviseAsync(EventSourceRegistration registration, CancellationToken cancellationToken)
    {
        var id = plugin.Manifest.Id;
        var stats = plugin.Stats[registration.Id];
        var sink = new PluginEventSink(id, registration.Id, stats, publisher, time, options.MaxEventBytes);
        var consecutiveFaults = 0;
        try
        {
            await observer.SourcesReleased.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            string error;
            var hubFault = false;
            try
            {
                await plugin.Runtime.RunSourceAsync(registration, sink, cancellationToken);
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                error = "RunAsync returned while the plugin was running; an event source must run until cancelled";
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                error = PluginErrors.Describe(ex);
                hubFault = StorageFull.IsCause(ex);
            }

            // A source that ran well for longer than the longest backoff starts its backoff afresh.
            consecutiveFaults = time.GetElapsedTime(started) > options.SourceRestartBackoffMax ? 1 : consecutiveFaults + 1;
            var delay = RestartPolicy.Backoff(consecutiveFaults, options.SourceRestartBackoffMin, options.SourceRestartBackoffMax);
            stats.RecordRestart(error);
            PluginLog.SourceFaulted(logger, id, registration.Id, error, delay);
            if (!observer.OnSourceFaulted(plugin, registration.Id, error, delay, hubFault))
            {
                return;
            }

            try
            {
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            observer.OnSourceRestarted(plugin, registration.Id);
        }
    }
}
