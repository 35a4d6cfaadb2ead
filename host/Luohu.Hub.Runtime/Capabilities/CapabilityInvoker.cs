using System.Diagnostics;
using System.Text.Json;
using Luohu.Hub.Runtime.Plugins;
using Luohu.Hub.Runtime.Plugins.Isolation;
using Luohu.Hub.Runtime.Telemetry;
using Luohu.Hub.Sdk.Connectors;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>The one door into plugin actions; see <see cref="ICapabilityInvoker"/>.</summary>
internal sealed class CapabilityInvoker(
    CapabilityCatalog catalog,
    PluginManager manager,
    ICapabilityAuthorizer authorizer,
    VendorChoices choices,
    ShadowStatistics shadows,
    TimeProvider time,
    HubMetrics metrics,
    ILogger<CapabilityInvoker> logger) : ICapabilityInvoker
{
    // Shadow calls in flight at most; past it a shadow call is skipped (and counted), never waited for.
    private const int MaxShadowCallsInFlight = 64;
    private int shadowCallsInFlight;

    public async ValueTask<JsonElement> InvokeAsync(string capability, JsonElement input, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (provider, plugin) = Enter(capability, context.Provider);
        try
        {
            if (await authorizer.AuthorizeAsync(capability, provider.Entry.Id, input, context, cancellationToken) is { } denied)
            {
                throw new CapabilityException(CapabilityErrorKind.Denied, capability, denied);
            }

            var value = ReadInput(capability, provider, input);
            var visible = DeviceListing.ListsEveryGroup(capability, input) ? await authorizer.VisibleDeviceGroupsAsync(capability, context, cancellationToken) : null;

            // A call that names no provider is the district's call: the shadow vendor, if ops set one, gets a copy.
            var comparison = context.Provider is null && choices.Get(capability).Shadow is { } shadow && shadow != provider.Entry.Id
                ? shadows.For(capability, provider.Entry.Id, shadow)
                : null;
            if (comparison is null)
            {
                var answer = await CallAsync(capability, provider, value, context, cancellationToken);
                return visible is null ? answer : DeviceListing.Narrow(capability, answer, visible);
            }

            var shadowCall = await StartShadowAsync(comparison, capability, input, context, cancellationToken);
            var started = time.GetTimestamp();
            try
            {
                var output = await CallAsync(capability, provider, value, context, cancellationToken);
                comparison.Serving.Record(time.GetElapsedTime(started), failed: false);
                if (shadowCall is not null)
                {
                    _ = CompareAsync(comparison, output, shadowCall);
                }

                return visible is null ? output : DeviceListing.Narrow(capability, output, visible);
            }
            catch (Exception ex) when (ex is CapabilityException or OperationCanceledException)
            {
                comparison.Serving.Record(time.GetElapsedTime(started), failed: true);
                throw;
            }
        }
        finally
        {
            plugin.Exit();
        }
    }

    /// <summary>
    /// Sends the same input to the shadow vendor beside the serving call. Its grant is checked (and a sensitive call
    /// audited) here, while the caller's request is still there; the call itself runs apart through the shadow plugin's
    /// own pipeline (timeout, circuit breaker), not bound to the caller's token: its answer goes only to the comparison.
    /// </summary>
    private async ValueTask<Task<JsonElement?>?> StartShadowAsync(
        ShadowComparison comparison, string capability, JsonElement input, InvocationContext context, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref shadowCallsInFlight) > MaxShadowCallsInFlight)
        {
            Interlocked.Decrement(ref shadowCallsInFlight);
            comparison.Skip();
            return null;
        }

        var shadowContext = context with { Provider = comparison.Shadow.PluginId, CorrelationId = context.CorrelationId + ":shadow" };
        LoadedPlugin? entered = null;
        try
        {
            var (provider, plugin) = Enter(capability, comparison.Shadow.PluginId);
            entered = plugin;
            if (await authorizer.AuthorizeAsync(capability, provider.Entry.Id, input, shadowContext, cancellationToken) is { } denied)
            {
                throw new CapabilityException(CapabilityErrorKind.Denied, capability, denied);
            }

            var value = ReadInput(capability, provider, input);
            var started = time.GetTimestamp();
            return Task.Run(async () =>
            {
                try
                {
                    var output = await CallAsync(capability, provider, value, shadowContext, CancellationToken.None);
                    comparison.Shadow.Record(time.GetElapsedTime(started), failed: false);
                    return (JsonElement?)output;
                }
                catch (CapabilityException ex)
                {
                    comparison.Shadow.Record(time.GetElapsedTime(started), failed: true);
                    PluginLog.ShadowFailed(logger, comparison.Shadow.PluginId, capability, ex.Message);
                    return null;
                }
                finally
                {
                    plugin.Exit();
                    Interlocked.Decrement(ref shadowCallsInFlight);
                }
            }, CancellationToken.None);
        }
        catch (CapabilityException ex)
        {
            entered?.Exit();
            Interlocked.Decrement(ref shadowCallsInFlight);
            comparison.Shadow.Record(TimeSpan.Zero, failed: true);
            PluginLog.ShadowFailed(logger, comparison.Shadow.PluginId, capability, ex.Message);
            return null;
        }
    }

    private static async Task CompareAsync(ShadowComparison comparison, JsonElement served, Task<JsonElement?> shadowCall)
    {
        if (await shadowCall is { } shadowed)
        {
            comparison.Compare(served, shadowed);
        }
    }

    /// <summary>Resolves the provider and counts the call into its version; retries once when it is being replaced.</summary>
    private (CapabilityProvider Provider, LoadedPlugin Plugin) Enter(string capability, string? requested)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var provider = catalog.Resolve(capability, requested);
            if (provider is null)
            {
                break;
            }

            if (provider.Plugin.TryEnter())
            {
                return (provider, provider.Plugin);
            }
        }

        if (manager.FindUnavailableProvider(capability, requested) is { } inactive)
        {
            throw new CapabilityException(CapabilityErrorKind.Unavailable, capability, $"Plugin '{inactive.Id}' offers '{capability}' but is {inactive.State}{(inactive.Reason is null ? string.Empty : $": {inactive.Reason}")}.");
        }

        throw new CapabilityException(CapabilityErrorKind.NotFound, capability, requested is null
            ? $"No running plugin offers '{capability}'. GET /api/v1/capabilities lists what is available."
            : $"Plugin '{requested}' does not offer '{capability}' (or is not installed).");
    }

    private static object? ReadInput(string capability, CapabilityProvider provider, JsonElement input)
    {
        try
        {
            return provider.Action.ReadInput(input, provider.Plugin.Json);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            throw new CapabilityException(CapabilityErrorKind.InvalidInput, capability, $"The input of '{capability}' does not fit its schema at {path}: {ex.Message}", ex) { Field = path };
        }
        catch (NotSupportedException ex)
        {
            throw new CapabilityException(CapabilityErrorKind.InvalidInput, capability, $"The input of '{capability}' cannot be read: {ex.Message}", ex);
        }
    }

    private async Task<JsonElement> CallAsync(string capability, CapabilityProvider provider, object? input, InvocationContext context, CancellationToken cancellationToken)
    {
        var plugin = provider.Plugin;
        var stats = plugin.Stats[capability];
        var actionContext = new ActionContext { Capability = capability, CorrelationId = context.CorrelationId, Department = context.Department, FlowId = context.FlowId };
        // A client span: an in-process plugin's HttpClient continues it (traceparent on its requests).
        using var activity = HubTelemetry.Source.StartActivity(capability, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(HubTelemetry.PluginTag, provider.Entry.Id);
            activity.SetTag(HubTelemetry.CapabilityTag, capability);
        }

        var call = new CallRecorder(stats, metrics, activity, time, time.GetTimestamp());
        try
        {
            var output = await stats.Pipeline!.ExecuteAsync(
                static async (state, token) =>
                {
                    // Task.Run and WaitAsync: a plugin that blocks or ignores its token is abandoned when the
                    // timeout cancels the token; it keeps counting as in flight until it really returns.
                    state.Plugin.Hold();
                    var call = Task.Run(() => state.Plugin.Runtime.InvokeAsync(state.Provider.Action, state.Input, state.Context, token), token);
                    _ = call.ContinueWith(static (_, p) => ((LoadedPlugin)p!).Exit(), state.Plugin, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    return await call.WaitAsync(token);
                },
                (Provider: provider, Plugin: plugin, Input: input, Context: actionContext),
                cancellationToken);
            call.Succeeded();
            manager.OnActionOutcome(provider.Entry, failed: false);
            return output;
        }
        catch (CapabilityInputException ex)
        {
            call.Succeeded();
            throw new CapabilityException(CapabilityErrorKind.InvalidInput, capability, ex.Message) { Field = ex.Field };
        }
        catch (BrokenCircuitException ex)
        {
            call.Rejected("circuit open");
            manager.OnActionOutcome(provider.Entry, failed: true);
            throw new CapabilityException(CapabilityErrorKind.Unavailable, capability, $"'{capability}' of plugin '{provider.Entry.Id}' failed too often and is paused; try again later.", ex) { RetryAfter = ex.RetryAfter ?? TimeSpan.FromSeconds(1) };
        }
        catch (TimeoutRejectedException ex)
        {
            var error = $"no answer within {ex.Timeout.TotalMilliseconds:0} ms";
            call.Failed(error, timedOut: true);
            PluginLog.ActionFailed(logger, provider.Entry.Id, capability, error);
            manager.OnActionOutcome(provider.Entry, failed: true);
            throw new CapabilityException(CapabilityErrorKind.Timeout, capability, $"Plugin '{provider.Entry.Id}' did not answer '{capability}' within {ex.Timeout.TotalSeconds:0.###} s.", ex);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (PluginProcessException ex) when (!ex.InFlight)
        {
            call.Rejected(ex.Message);
            throw new CapabilityException(CapabilityErrorKind.Unavailable, capability, ex.Message) { RetryAfter = TimeSpan.FromSeconds(1) };
        }
        catch (PluginProcessException ex)
        {
            call.Failed(ex.Message);
            PluginLog.ActionFailed(logger, provider.Entry.Id, capability, ex.Message);
            manager.OnActionOutcome(provider.Entry, failed: true);
            throw new CapabilityException(CapabilityErrorKind.ProcessExited, capability, ex.Message);
        }
        catch (Exception ex) when (ex is not CapabilityException)
        {
            var error = PluginErrors.Describe(ex);
            call.Failed(error);
            PluginLog.ActionFailed(logger, provider.Entry.Id, capability, error);
            manager.OnActionOutcome(provider.Entry, failed: true);
            // No inner exception: one thrown by plugin code pins the plugin's assembly (its stack trace) for as long as it lives.
            throw new CapabilityException(CapabilityErrorKind.Failed, capability, $"Plugin '{provider.Entry.Id}' failed on '{capability}': {error}");
        }
    }
}
