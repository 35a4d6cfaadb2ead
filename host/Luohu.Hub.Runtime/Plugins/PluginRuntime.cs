using System.Text.Json;
using Luohu.Hub.Sdk.Connectors;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// Where one loaded version's code runs: in the hub's process (<see cref="InProcessPluginRuntime"/>) or in a
/// child process (<see cref="Isolation.IsolatedPluginRuntime"/>). The manager, invoker and supervisors call
/// plugin code only through here, so both modes share the lifecycle, drain, health and supervision.
/// </summary>
internal abstract class PluginRuntime
{
    /// <summary>"in-process" or "process", as the API shows it.</summary>
    public abstract string Mode { get; }

    public abstract Task<JsonElement> InvokeAsync(ActionBinding action, object? input, ActionContext context, CancellationToken cancellationToken);

    /// <summary>Runs one event source until it is cancelled, throws or returns.</summary>
    public abstract Task RunSourceAsync(EventSourceRegistration source, IEventSink sink, CancellationToken cancellationToken);

    public abstract Task<HealthCheckResult> CheckHealthAsync(PluginHealthCheckRegistration check, CancellationToken cancellationToken);

    /// <summary>A handle whose collection after <see cref="UnloadAsync"/> confirms the unload; null when nothing of the plugin lives in this process.</summary>
    public abstract WeakReference? Collectible { get; }

    /// <summary>Takes the code down: disposes its services and unloads its context, or stops its process.</summary>
    public abstract Task UnloadAsync();

    /// <summary>The hub stops: the plugin's services are disposed (its process stopped); code in the hub's process may stay, as the process is ending.</summary>
    public virtual Task StopForShutdownAsync() => UnloadAsync();
}
