using System.Text.Json;
using Luohu.Hub.Sdk.Connectors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PluginAssemblyLoader = McMaster.NETCore.Plugins.PluginLoader;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>A plugin version loaded into this process by McMaster.NETCore.Plugins, in its own collectible context.</summary>
internal sealed class InProcessPluginRuntime(PluginAssemblyLoader assemblies, ServiceProvider services, JsonSerializerOptions json) : PluginRuntime
{
    public override string Mode => "in-process";

    public ServiceProvider Services { get; } = services;

    public override Task<JsonElement> InvokeAsync(ActionBinding action, object? input, ActionContext context, CancellationToken cancellationToken) =>
        action.InvokeAsync(Services, input, json, context, cancellationToken);

    public override Task RunSourceAsync(EventSourceRegistration source, IEventSink sink, CancellationToken cancellationToken) =>
        ((IEventSource)Services.GetRequiredService(source.SourceType)).RunAsync(sink, cancellationToken);

    public override Task<HealthCheckResult> CheckHealthAsync(PluginHealthCheckRegistration check, CancellationToken cancellationToken)
    {
        var instance = (IHealthCheck)Services.GetRequiredService(check.CheckType);
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration(check.Name, instance, HealthStatus.Unhealthy, null) };
        return instance.CheckHealthAsync(context, cancellationToken);
    }

    public override WeakReference Collectible { get; } = new(assemblies.LoadContext, trackResurrection: false);

    /// <summary>Disposes the plugin's services and leaves its context loaded: collecting plugin code while the hub winds down is needless work.</summary>
    public override Task StopForShutdownAsync() => Services.DisposeAsync().AsTask();

    public override async Task UnloadAsync()
    {
        try
        {
            await Services.DisposeAsync();
        }
        finally
        {
            assemblies.Dispose();
        }
    }
}
