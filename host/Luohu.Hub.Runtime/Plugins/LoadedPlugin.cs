using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Sdk.Plugins;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// One loaded version of a plugin: where its code runs and its bound connectors. Everything that references
/// the plugin's types hangs off this object, so dropping it (and unloading its runtime) is what lets the
/// plugin's code be collected.
/// </summary>
internal sealed class LoadedPlugin
{
    private readonly Lock drainGate = new();
    private int inFlight;
    private bool retiring;
    private TaskCompletionSource? drained;

    public required PluginManifest Manifest { get; init; }

    public required string Folder { get; init; }

    public required PluginRuntime Runtime { get; init; }

    /// <summary>Per plugin, so System.Text.Json's type caches die with the plugin.</summary>
    public required JsonSerializerOptions Json { get; init; }

    public required IReadOnlyDictionary<string, ActionBinding> Actions { get; init; }

    /// <summary>Input and output JSON schemas per action, computed once at load.</summary>
    public required IReadOnlyDictionary<string, (JsonNode Input, JsonNode Output)> Schemas { get; init; }

    public required IReadOnlyList<EventSourceRegistration> Sources { get; init; }

    public required IReadOnlyList<PluginHealthCheckRegistration> HealthChecks { get; init; }

    public required IReadOnlyDictionary<string, ConnectorStats> Stats { get; init; }

    public EventSourceSupervisor? Supervisor { get; set; }

    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>Counts a call in, unless the version is being retired (then the caller re-resolves).</summary>
    public bool TryEnter()
    {
        lock (drainGate)
        {
            if (retiring)
            {
                return false;
            }

            inFlight++;
            return true;
        }
    }

    /// <summary>Counts one more in-flight task for a call already counted in (its plugin task may outlive the call).</summary>
    public void Hold()
    {
        lock (drainGate)
        {
            inFlight++;
        }
    }

    public void Exit()
    {
        lock (drainGate)
        {
            if (--inFlight == 0)
            {
                drained?.TrySetResult();
            }
        }
    }

    /// <summary>Refuses new calls and waits for the running ones, at most <paramref name="timeout"/>; true when all finished.</summary>
    public async Task<bool> DrainAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        Task wait;
        lock (drainGate)
        {
            retiring = true;
            if (inFlight == 0)
            {
                return true;
            }

            drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            wait = drained.Task;
        }

        try
        {
            await wait.WaitAsync(timeout, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller (a stopping hub) can wait no longer: retire anyway, the unload is then reported unconfirmed.
            return false;
        }
    }

    /// <summary>Takes the runtime down; <see cref="PluginRuntime.Collectible"/> then confirms the collection.</summary>
    public Task UnloadAsync() => Runtime.UnloadAsync();
}
