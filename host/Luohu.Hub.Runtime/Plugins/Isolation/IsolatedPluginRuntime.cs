using System.Text.Json;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Plugins;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;

namespace Luohu.Hub.Runtime.Plugins.Isolation;

/// <summary>
/// A plugin version running in its own process. Calls go over the channel; when the process dies, calls in
/// flight fail at once with the reason, new calls are refused as unavailable, and supervision restarts the
/// process after the manager's backoff (or leaves it down when the manager quarantines the plugin).
/// </summary>
internal sealed class IsolatedPluginRuntime : PluginRuntime, IDisposable
{
    private static readonly TimeSpan ReasonWait = TimeSpan.FromSeconds(2);
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly PluginManifest manifest;
    private readonly string folder;
    private readonly Dictionary<string, string?> configuration;
    private readonly PluginOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private PluginProcess? current;
    private TaskCompletionSource<PluginProcess> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string lastExit = string.Empty;
    private Task supervision = Task.CompletedTask;

    public IsolatedPluginRuntime(PluginManifest manifest, string folder, Dictionary<string, string?> configuration, HubEndpoint endpoint, PluginProcess process, PluginOptions options, TimeProvider time, ILogger logger)
    {
        this.manifest = manifest;
        this.folder = folder;
        this.configuration = configuration;
        Endpoint = endpoint;
        this.options = options;
        this.time = time;
        this.logger = logger;
        current = process;
        ready.SetResult(process);
    }

    public override string Mode => PluginIsolation.Process;

    public override WeakReference? Collectible => null;

    public HubEndpoint Endpoint { get; }

    /// <summary>The process serving now, if any (tests and benchmarks kill it through this).</summary>
    public int? ProcessId
    {
        get
        {
            lock (gate)
            {
                return current?.ProcessId;
            }
        }
    }

    /// <summary>Starts watching the process: a crash is reported to <paramref name="observer"/> and the process replaced.</summary>
    public void Supervise(LoadedPlugin plugin, IPluginProcessObserver observer) =>
        supervision = Task.Run(() => SuperviseAsync(plugin, observer, stopping.Token), CancellationToken.None);

    public override async Task<JsonElement> InvokeAsync(ActionBinding action, object? input, ActionContext context, CancellationToken cancellationToken)
    {
        var process = Serving() ?? throw Restarting();
        CallResult result;
        try
        {
            result = await process.Rpc.InvokeWithCancellationAsync<CallResult>("Invoke", [action.Capability, (JsonElement)input!, context], cancellationToken);
        }
        catch (Exception ex) when (IsChannelLoss(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw await DiedAsync(process, $"while '{action.Capability}' was in flight; whether the call took effect is unknown");
        }

        if (result.InvalidInput)
        {
            throw result.Field is null ? new CapabilityInputException(result.Error ?? "invalid input") : new CapabilityInputException(result.Field, result.Error ?? "invalid input");
        }

        if (result.ErrorType is not null)
        {
            throw new RemotePluginException(result.ErrorType, result.Error ?? string.Empty);
        }

        return result.Output ?? default;
    }

    public override async Task RunSourceAsync(EventSourceRegistration source, IEventSink sink, CancellationToken cancellationToken)
    {
        Endpoint.Open(source.Id, (PluginEventSink)sink);
        while (true)
        {
            var process = await WaitServingAsync(cancellationToken);
            SourceEnd end;
            try
            {
                end = await process.Rpc.InvokeWithCancellationAsync<SourceEnd>("RunSource", [source.Id], cancellationToken);
            }
            catch (Exception ex) when (IsChannelLoss(ex) && !cancellationToken.IsCancellationRequested)
            {
                // The process died under the source: not the source's fault. It runs again in the replacement.
                continue;
            }

            if (end.ErrorType is not null)
            {
                throw new RemotePluginException(end.ErrorType, end.Error ?? string.Empty);
            }

            return;
        }
    }

    public override async Task<HealthCheckResult> CheckHealthAsync(PluginHealthCheckRegistration check, CancellationToken cancellationToken)
    {
        var process = Serving() ?? throw Restarting();
        try
        {
            var result = await process.Rpc.InvokeWithCancellationAsync<HealthResult>("CheckHealth", [check.Name], cancellationToken);
            return new HealthCheckResult(result.Status, result.Description);
        }
        catch (Exception ex) when (IsChannelLoss(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw await DiedAsync(process, $"during the health check '{check.Name}'");
        }
    }

    public override async Task UnloadAsync()
    {
        await stopping.CancelAsync();
        await supervision;
        PluginProcess? process;
        lock (gate)
        {
            process = current;
            current = null;
        }

        if (process is not null)
        {
            await process.DisposeAsync();
        }

        Dispose();
    }

    public void Dispose() => stopping.Dispose();

    private async Task SuperviseAsync(LoadedPlugin plugin, IPluginProcessObserver observer, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            PluginProcess? process;
            lock (gate)
            {
                process = current;
            }

            if (process is null)
            {
                return;
            }

            string reason;
            try
            {
                reason = await process.Exited.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            lock (gate)
            {
                current = null;
                lastExit = reason;
                ready = new TaskCompletionSource<PluginProcess>(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            PluginLog.ProcessExited(logger, manifest.Id, manifest.Version, reason);
            await process.DisposeAsync();
            if (!await RestartAsync(plugin, observer, reason, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Restarts after the manager's backoff until a process serves; false when the manager leaves it down or the hub stops.</summary>
    private async Task<bool> RestartAsync(LoadedPlugin plugin, IPluginProcessObserver observer, string reason, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (observer.OnProcessExited(plugin, reason) is not { } delay)
            {
                return false;
            }

            try
            {
                await Task.Delay(delay, time, cancellationToken);
                var (replacement, _) = await PluginProcess.StartAsync(manifest, folder, configuration, Endpoint, options, logger, cancellationToken);
                TaskCompletionSource<PluginProcess> waiting;
                lock (gate)
                {
                    current = replacement;
                    waiting = ready;
                }

                waiting.TrySetResult(replacement);
                PluginLog.ProcessRestarted(logger, manifest.Id, manifest.Version, replacement.ProcessId);
                observer.OnProcessRestarted(plugin, reason);
                return true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
            catch (PluginOperationException ex)
            {
                reason = $"could not be restarted ({ex.Message})";
                lock (gate)
                {
                    lastExit = reason;
                }
            }
        }
    }

    private PluginProcess? Serving()
    {
        lock (gate)
        {
            return current;
        }
    }

    private async Task<PluginProcess> WaitServingAsync(CancellationToken cancellationToken)
    {
        Task<PluginProcess> next;
        lock (gate)
        {
            if (current is not null)
            {
                return current;
            }

            next = ready.Task;
        }

        return await next.WaitAsync(cancellationToken);
    }

    private PluginProcessException Restarting()
    {
        lock (gate)
        {
            return new PluginProcessException($"Plugin '{manifest.Id}' is restarting its process, which {lastExit}; try again shortly.", inFlight: false);
        }
    }

    private async Task<PluginProcessException> DiedAsync(PluginProcess process, string when)
    {
        string reason;
        try
        {
            reason = await process.Exited.WaitAsync(ReasonWait, time);
        }
        catch (TimeoutException)
        {
            reason = "lost its channel to the hub";
        }

        return new PluginProcessException($"Plugin '{manifest.Id}' process {reason} {when}.", inFlight: true);
    }

    private static bool IsChannelLoss(Exception ex) => ex is ConnectionLostException or ObjectDisposedException or IOException;
}
