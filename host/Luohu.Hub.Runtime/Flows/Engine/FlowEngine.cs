using System.Collections.Concurrent;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Flows.Persistence;

namespace Luohu.Hub.Runtime.Flows.Engine;

/// <summary>
/// The running flows of this hub. Operations on one flow are serialized by a per-flow lock; different flows
/// never wait for each other and never touch each other's subscriptions.
/// </summary>
/// <remarks>
/// Sources of triggers outside the bus (<see cref="IFlowTriggerSource"/>: schedules, webhooks) follow every start,
/// swap and undeploy. When the hub stops they are left alone: a persistent job store keeps the jobs for the next
/// start (and for the other nodes of a cluster), and a firing that finds no running flow is ignored.
/// </remarks>
internal sealed class FlowEngine(
    IMessageBus bus, FlowCompiler compiler, INodeStateRepository stateStore, FlowServices services, IEnumerable<IFlowTriggerSource> triggerSources) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RunningFlow> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly IFlowTriggerSource[] _triggerSources = [.. triggerSources];

    /// <summary>The hub's instruments (schedule fires are counted where they are run).</summary>
    public Telemetry.HubMetrics Metrics => services.Metrics;

    public RunningFlow? Find(string flowId) => _running.GetValueOrDefault(flowId);

    /// <summary>Why the deployed version failed to start, or null.</summary>
    public string? ErrorOf(string flowId) => _errors.GetValueOrDefault(flowId);

    public IReadOnlyCollection<RunningFlow> Running => [.. _running.Values];

    /// <summary>Runs <paramref name="definition"/> as version <paramref name="version"/>: starts it, or swaps it in.</summary>
    /// <exception cref="FlowException">The definition cannot be compiled; the running version (if any) is untouched.</exception>
    public async Task ApplyAsync(FlowDefinition definition, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var gate = _locks.GetOrAdd(definition.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (_running.TryGetValue(definition.Id, out var running))
            {
                await running.SwapAsync(definition, version);
            }
            else
            {
                running = await RunningFlow.StartAsync(definition, version, bus, compiler, stateStore, services, cancellationToken);
                _running[definition.Id] = running;
            }

            foreach (var source in _triggerSources)
            {
                await source.SyncAsync(running, cancellationToken);
            }

            _errors.TryRemove(definition.Id, out _);
        }
        finally
        {
            gate.Release();
        }
    }

    public void MarkFailed(string flowId, string reason) => _errors[flowId] = reason;

    /// <summary>Undeploys the flow: its schedules and routes go, triggers drain, timers stop, state is written. No-op when not running.</summary>
    public Task StopAsync(string flowId, CancellationToken cancellationToken) => StopAsync(flowId, undeploy: true, cancellationToken);

    private async Task StopAsync(string flowId, bool undeploy, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(flowId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            _errors.TryRemove(flowId, out _);
            if (undeploy)
            {
                foreach (var source in _triggerSources)
                {
                    await source.RemoveAsync(flowId, cancellationToken);
                }
            }

            if (_running.TryRemove(flowId, out var running))
            {
                if (undeploy)
                {
                    // Gone means gone: work in flight stops at its next node instead of draining.
                    running.CancelInFlight();
                }

                await running.DisposeAsync();
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var flowId in _running.Keys.ToList())
        {
            await StopAsync(flowId, undeploy: false, CancellationToken.None);
        }
    }
}
