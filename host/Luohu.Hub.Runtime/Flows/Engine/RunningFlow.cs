using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Flows.Persistence;

namespace Luohu.Hub.Runtime.Flows.Engine;

/// <summary>
/// A deployed flow: the current snapshot, the trigger subscriptions and the node states that outlive
/// snapshots. Deploys are serialized by <see cref="FlowEngine"/>; message handling never locks.
/// </summary>
/// <remarks>
/// A deploy compiles the new snapshot first (a failure changes nothing), starts its timers, swaps it in with one
/// volatile write, then adds subscriptions for new or changed triggers and removes those of triggers that are gone
/// or changed. A trigger whose type and config are unchanged keeps its subscription, so its queue and order are
/// untouched and no message is missed or doubled; its handler simply reads the new snapshot for the next message.
/// A changed trigger gets a new subscription before the old one is removed; messages the old one still holds are
/// dropped, because its filter is no longer wanted.
/// Node state is written to the store every <see cref="FlowOptions.StateFlushInterval"/> when it changed, and when
/// the flow stops; a crash loses at most one interval of state changes.
/// </remarks>
internal sealed class RunningFlow : IAsyncDisposable
{
    private readonly IMessageBus _bus;
    private readonly FlowCompiler _compiler;
    private readonly INodeStateRepository _stateStore;
    private readonly FlowServices _services;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, TriggerBinding> _triggers = new(StringComparer.Ordinal);
    private FlowSnapshot _current = null!;
    private volatile Dictionary<string, NodeState> _states = new(StringComparer.Ordinal);
    private Task _flushLoop = Task.CompletedTask;

    private RunningFlow(IMessageBus bus, FlowCompiler compiler, INodeStateRepository stateStore, FlowServices services, string flowId)
    {
        _bus = bus;
        _compiler = compiler;
        _stateStore = stateStore;
        _services = services;
        FlowId = flowId;
        Counters = new FlowCounters(services.Time);
    }

    public string FlowId { get; }

    public FlowCounters Counters { get; }

    public FlowSnapshot Current => Volatile.Read(ref _current);

    public static async Task<RunningFlow> StartAsync(
        FlowDefinition definition, int version, IMessageBus bus, FlowCompiler compiler, INodeStateRepository stateStore, FlowServices services, CancellationToken cancellationToken)
    {
        var flow = new RunningFlow(bus, compiler, stateStore, services, definition.Id);
        var persisted = await stateStore.GetFlowAsync(definition.Id, cancellationToken);
        var states = new Dictionary<string, NodeState>(StringComparer.Ordinal);
        foreach (var node in definition.Nodes)
        {
            states[node.Id] = Restore(node, persisted.GetValueOrDefault(node.Id));
        }

        var snapshot = compiler.Compile(definition, version, n => states[n.Id], flow.Counters, flow._stopping.Token);
        flow._states = states;
        snapshot.Start();
        Volatile.Write(ref flow._current, snapshot);
        flow.SyncTriggers(snapshot);
        flow._flushLoop = flow.FlushLoopAsync(flow._stopping.Token);
        return flow;
    }

    /// <summary>Swaps in a new version; state carries over for node ids whose type is unchanged.</summary>
    public async Task SwapAsync(FlowDefinition definition, int version)
    {
        var old = Current;
        var previous = _states;
        var states = new Dictionary<string, NodeState>(StringComparer.Ordinal);
        foreach (var node in definition.Nodes)
        {
            states[node.Id] = previous.TryGetValue(node.Id, out var state) && state.NodeType == node.Type
                ? state
                : new NodeState(node.Id, node.Type);
        }

        var snapshot = _compiler.Compile(definition, version, n => states[n.Id], Counters, _stopping.Token);
        snapshot.Start();
        _states = states;
        Volatile.Write(ref _current, snapshot);
        var removed = SyncTriggers(snapshot);
        foreach (var binding in removed)
        {
            await binding.Subscription.DisposeAsync();
        }

        await old.StopAsync();
    }

    /// <summary>Makes every message in flight stop at its next node (an undeploy); <see cref="DisposeAsync"/> then stops the rest.</summary>
    public void CancelInFlight() => _stopping.Cancel();

    /// <summary>Stops the triggers (letting queued messages finish), the timers, then writes the state.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var binding in _triggers.Values)
        {
            await binding.Subscription.DisposeAsync();
        }

        _triggers.Clear();
        await Current.StopAsync();
        await _stopping.CancelAsync();
        try
        {
            await _flushLoop;
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation.
        }

        await FlushAsync(CancellationToken.None);
        _stopping.Dispose();
    }

    /// <summary>Writes every changed node state now.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var state in _states.Values)
        {
            var json = state.TakeIfDirty();
            if (json is null)
            {
                continue;
            }

            try
            {
                var wrapped = new JsonObject { ["nodeType"] = state.NodeType, ["state"] = JsonNode.Parse(json) };
                await _stateStore.SetAsync(FlowId, state.NodeId, wrapped.ToJsonString(), cancellationToken);
            }
#pragma warning disable CA1031 // A failed write is retried at the next flush; the flow keeps running.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                state.MarkDirty();
                FlowLog.StateFlushFailed(_services.Logger, ex, FlowId, state.NodeId);
            }
        }
    }

    private static NodeState Restore(FlowNode node, string? persisted)
    {
        if (persisted is not null)
        {
            try
            {
                if (JsonNode.Parse(persisted) is JsonObject wrapped
                    && wrapped["nodeType"]?.GetValue<string>() == node.Type
                    && wrapped["state"] is JsonObject state)
                {
                    wrapped.Remove("state");
                    return new NodeState(node.Id, node.Type, state);
                }
            }
            catch (JsonException)
            {
                // Unreadable state starts fresh rather than keeping the flow from starting.
            }
        }

        return new NodeState(node.Id, node.Type);
    }

    private List<TriggerBinding> SyncTriggers(FlowSnapshot snapshot)
    {
        var wanted = snapshot.Nodes
            .Where(n => n.TriggerSignature is not null && !n.Node.Disabled && n.Runtime is ITriggerRuntime)
            .ToDictionary(n => n.Node.Id, StringComparer.Ordinal);
        var removed = new List<TriggerBinding>();
        foreach (var (nodeId, binding) in _triggers.ToList())
        {
            if (!wanted.TryGetValue(nodeId, out var node) || node.TriggerSignature != binding.Signature)
            {
                removed.Add(binding);
                _triggers.Remove(nodeId);
            }
        }

        foreach (var (nodeId, node) in wanted)
        {
            if (_triggers.ContainsKey(nodeId))
            {
                continue;
            }

            var trigger = (ITriggerRuntime)node.Runtime;
            var signature = node.TriggerSignature!;
            var subscription = _bus.Subscribe(
                trigger.TopicFilter,
                (message, ct) => DispatchAsync(nodeId, signature, message, ct),
                trigger.SubscriptionOptions);
            _triggers[nodeId] = new TriggerBinding(nodeId, signature, subscription);
        }

        return removed;
    }

    private ValueTask DispatchAsync(string nodeId, string signature, HubMessage message, CancellationToken cancellationToken)
    {
        var snapshot = Current;
        if (!snapshot.TryGetNode(nodeId, out var index)
            || snapshot[index].TriggerSignature != signature
            || snapshot[index].Runtime is not ITriggerRuntime trigger
            || !trigger.Accepts(message))
        {
            return ValueTask.CompletedTask;
        }

        return snapshot.RunTriggerAsync(index, message, cancellationToken);
    }

    private async Task FlushLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_services.Options.StateFlushInterval, _services.Time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            await FlushAsync(cancellationToken);
        }
    }
}
