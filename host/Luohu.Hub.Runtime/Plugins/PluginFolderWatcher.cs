using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// Watches <see cref="PluginOptions.PluginsPath"/> and, once changes have settled for
/// <see cref="PluginOptions.WatchDebounce"/>, asks the manager to reconcile. The manager ignores its own writes.
/// </summary>
internal sealed class PluginFolderWatcher(PluginManager manager, IOptions<PluginOptions> options, TimeProvider time, ILogger<PluginFolderWatcher> logger) : IDisposable
{
    private readonly Lock gate = new();
    private readonly SemaphoreSlim reconciling = new(1, 1);
    private FileSystemWatcher? watcher;
    private ITimer? debounce;
    private CancellationTokenSource? stopping;

    public void Start()
    {
        lock (gate)
        {
            if (watcher is not null)
            {
                return;
            }

            stopping = new CancellationTokenSource();
            debounce = time.CreateTimer(_ => _ = ReconcileAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            watcher = new FileSystemWatcher(manager.PluginsPath) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.DirectoryName | NotifyFilters.FileName | NotifyFilters.LastWrite };
            watcher.Created += OnChanged;
            watcher.Deleted += OnChanged;
            watcher.Renamed += OnChanged;
            watcher.Changed += OnChanged;
            watcher.Error += (_, e) => PluginLog.WatchFailed(logger, e.GetException());
            watcher.EnableRaisingEvents = true;
        }
    }

    public void Stop()
    {
        lock (gate)
        {
            watcher?.Dispose();
            watcher = null;
            debounce?.Dispose();
            debounce = null;
            stopping?.Cancel();
            stopping?.Dispose();
            stopping = null;
        }
    }

    public void Dispose()
    {
        Stop();
        reconciling.Dispose();
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        var relative = Path.GetRelativePath(manager.PluginsPath, e.FullPath);
        if (relative.StartsWith('.'))
        {
            return;
        }

        lock (gate)
        {
            debounce?.Change(options.Value.WatchDebounce, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task ReconcileAsync()
    {
        CancellationToken token;
        lock (gate)
        {
            if (stopping is null)
            {
                return;
            }

            token = stopping.Token;
        }

        try
        {
            await reconciling.WaitAsync(token);
            try
            {
                await manager.ReconcileAsync(token);
            }
            finally
            {
                reconciling.Release();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            PluginLog.WatchFailed(logger, ex);
        }
    }
}
