using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Persistence;
using Luohu.Hub.Runtime.Telemetry;

namespace Luohu.Hub.Runtime.Flows.Engine;

/// <summary>
/// One deployed version of a flow, compiled: runtime nodes and wiring as arrays. Immutable once built.
/// A message that enters reads the running flow's current snapshot once and runs entirely on it, so a deploy
/// never changes the version under a message in flight. Messages run depth-first along the wires on the
/// caller's task (the trigger's subscription loop), which keeps the order of a trigger's messages through
/// every node that does not wait on a timer (delay, throttle's queue, window emissions run later).
/// </summary>
internal sealed class FlowSnapshot
{
    private readonly CompiledNode[] _nodes;
    private readonly Dictionary<string, int> _index;
    private readonly int[] _catchNodes;
    private readonly FlowServices _services;
    private readonly CancellationToken _stopping;

    // Span names made once per version: low-cardinality names, and no string built per message.
    private readonly string[] _spanNames;
    private readonly string _arrivalName;

    public FlowSnapshot(FlowDefinition definition, int version, CompiledNode[] nodes, FlowServices services, FlowCounters counters, CancellationToken stopping)
    {
        Definition = definition;
        Version = version;
        _nodes = nodes;
        _services = services;
        Counters = counters;
        _stopping = stopping;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Length; i++)
        {
            _index[nodes[i].Node.Id] = i;
        }

        _spanNames = [.. nodes.Select(n => $"node {n.Node.Type}")];
        _arrivalName = $"flow {definition.Id}";
        _catchNodes = [.. Enumerable.Range(0, nodes.Length).Where(i => nodes[i].Node.Type == "catch" && !nodes[i].Node.Disabled)];
        _maxHops = services.Options.MaxHops;
        _maxRuns = services.Options.MaxNodeRunsPerMessage;
        _loop = FlowGraph.Of(definition).AnyLoop() is { } loop ? string.Join(" → ", [.. loop, loop[0]]) : null;
    }

    private readonly int _maxHops;
    private readonly int _maxRuns;

    /// <summary>A loop of the wiring (for the hop limit's message), or null when the flow has none.</summary>
    private readonly string? _loop;

    public FlowDefinition Definition { get; }
    public int Version { get; }
    public FlowCounters Counters { get; }
    public CancellationToken Stopping => _stopping;
    public IReadOnlyList<CompiledNode> Nodes => _nodes;

    public bool TryGetNode(string nodeId, out int index) => _index.TryGetValue(nodeId, out index);

    public CompiledNode this[int index] => _nodes[index];

    public void Start()
    {
        foreach (var node in _nodes)
        {
            if (!node.Node.Disabled)
            {
                node.Runtime.Start();
            }
        }
    }

    public async ValueTask StopAsync()
    {
        foreach (var node in _nodes)
        {
            await node.Runtime.StopAsync();
        }
    }

    /// <summary>A bus message entering trigger <paramref name="index"/>.</summary>
    public ValueTask RunTriggerAsync(int index, HubMessage message, CancellationToken cancellationToken)
    {
        var flowMessage = FlowMessage.Create(message.Id, message.Topic, ParsePayload(message.Payload), message.Headers, message.Delivery);
        return ArriveAsync(index, flowMessage, message.Headers, cancellationToken, continueCurrent: false);
    }

    /// <summary>
    /// A message entering the flow at node <paramref name="index"/> (a trigger, or any node for an injection): counted,
    /// and traced as one span whose parent is the W3C trace context in <paramref name="headers"/>, else the current span
    /// (the webhook's or the API call's request) when <paramref name="continueCurrent"/>, else none: a new trace.
    /// </summary>
    public ValueTask ArriveAsync(int index, FlowMessage message, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken, bool continueCurrent = true)
    {
        Counters.Message();
        if (!HubTelemetry.Source.HasListeners())
        {
            return RunNodeAsync(index, message, cancellationToken);
        }

        var parent = TraceContext.Extract(headers);
        if (parent == default && !continueCurrent)
        {
            // A subscription's loop keeps the context it was started in (often the deploy's request): not a parent.
            Activity.Current = null;
        }

        var activity = HubTelemetry.Source.StartActivity(_arrivalName, ActivityKind.Consumer, parent);
        if (activity is null)
        {
            return RunNodeAsync(index, message, cancellationToken);
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag(HubTelemetry.FlowTag, Definition.Id);
            activity.SetTag(HubTelemetry.NodeTag, _nodes[index].Node.Id);
            activity.SetTag(HubTelemetry.MessageIdTag, message.OriginId);
            activity.SetTag(HubTelemetry.DestinationTag, message.Topic);
        }

        return RunTracedAsync(activity, index, message, cancellationToken);
    }

    private async ValueTask RunTracedAsync(Activity activity, int index, FlowMessage message, CancellationToken cancellationToken)
    {
        using (activity)
        {
            await RunNodeAsync(index, message, cancellationToken);
        }
    }

    /// <summary>Hands <paramref name="message"/> to node <paramref name="index"/>; its failure goes to catch or dead letters.</summary>
    public async ValueTask RunNodeAsync(int index, FlowMessage message, CancellationToken cancellationToken)
    {
        var node = _nodes[index];
        if (node.Node.Disabled)
        {
            return;
        }

        if (_stopping.IsCancellationRequested)
        {
            // Undeployed (or the hub stops): what is still in flight ends here.
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!message.Work.TryRun(_maxRuns))
        {
            if (message.Work.MarkExhausted())
            {
                await DeadLetterAsync(index, message, $"One message caused more than {_maxRuns} node runs (Hub:Flows:MaxNodeRunsPerMessage); "
                    + "its remaining copies were stopped. The wires multiply the message: fan out less, or stop copies with a switch.");
            }

            return;
        }

        if (++message.Hops > _maxHops)
        {
            if (!message.Work.MarkTooDeep())
            {
                return;
            }

            await FailAsync(index, message, new InvalidOperationException(_loop is null
                ? $"The message passed {_maxHops} nodes in a row, the hop limit (Hub:Flows:MaxHops); shorten the chain or raise the limit."
                : $"The message passed {_maxHops} nodes in a row, the hop limit (Hub:Flows:MaxHops), going round the loop {_loop}; add a switch that ends the loop."), cancellationToken);
            return;
        }

        var metrics = _services.Metrics;
        metrics.NodeMessagesIn.Add(1, new(HubTelemetry.FlowTag, Definition.Id), new(HubTelemetry.NodeTag, node.Node.Id));
        var started = metrics.NodeDuration.Enabled ? Stopwatch.GetTimestamp() : 0;
        var activity = HubTelemetry.Source.StartActivity(_spanNames[index]);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(HubTelemetry.FlowTag, Definition.Id);
            activity.SetTag(HubTelemetry.NodeTag, node.Node.Id);
            activity.SetTag(HubTelemetry.NodeTypeTag, node.Node.Type);
        }

        try
        {
            await node.Runtime.HandleAsync(message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of a node is the flow's business: catch node or dead letter, never the trigger loop's.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            await FailAsync(index, message, ex, cancellationToken);
        }
        finally
        {
            if (started != 0)
            {
                metrics.NodeDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new(HubTelemetry.FlowTag, Definition.Id), new(HubTelemetry.NodeTag, node.Node.Id));
            }

            activity?.Dispose();
        }
    }

    public async ValueTask EmitAsync(int from, int port, FlowMessage message, CancellationToken cancellationToken)
    {
        var source = _nodes[from];
        _services.Metrics.NodeMessagesOut.Add(1, new(HubTelemetry.FlowTag, Definition.Id), new(HubTelemetry.NodeTag, source.Node.Id));
        if (_services.Watches.Any && _services.Watches.IsWatched(Definition.Id, source.Node.Id))
        {
            await _services.Watches.PublishAsync(this, source, port >= 0 && port < source.Ports.Count ? source.Ports[port] : null, message, cancellationToken);
        }

        var targets = source.Targets;
        if (port < 0 || port >= targets.Length)
        {
            return;
        }

        var wired = targets[port];
        for (var i = 0; i < wired.Length; i++)
        {
            var copy = i == wired.Length - 1 ? message : message.Clone();
            await RunNodeAsync(wired[i], copy, cancellationToken);
        }
    }

    /// <summary>Sends the failed message with the error to the catch nodes that cover the node, or to the dead letters.</summary>
    public async ValueTask FailAsync(int index, FlowMessage message, Exception error, CancellationToken cancellationToken)
    {
        Counters.Error();
        var node = _nodes[index].Node;
        var catchers = message.IsHandlingError
            ? []
            : _catchNodes.Where(c => c != index && (_nodes[c].CatchScope is not { } scope || scope.Contains(node.Id))).ToArray();
        FlowLog.NodeFailed(_services.Logger, error, Definition.Id, node.Id, message.Id, catchers.Length > 0 ? "catch" : "dead letters");
        if (catchers.Length > 0)
        {
            foreach (var catcher in catchers)
            {
                var copy = message.Clone();
                copy.IsHandlingError = true;
                copy.Body["error"] = new JsonObject
                {
                    ["nodeId"] = node.Id,
                    ["nodeType"] = node.Type,
                    ["message"] = error.Message,
                };
                await RunNodeAsync(catcher, copy, cancellationToken);
            }

            return;
        }

        await DeadLetterAsync(index, message, error.Message);
    }

    private async ValueTask DeadLetterAsync(int index, FlowMessage message, string reason)
    {
        var node = _nodes[index].Node;
        _services.Metrics.DeadLetters.Add(1, new(HubTelemetry.FlowTag, Definition.Id), new(HubTelemetry.NodeTag, node.Id));
        try
        {
            await _services.DeadLetters.AddAsync(new DeadLetterRecord
            {
                Id = FlowMessage.NewId(),
                FlowId = Definition.Id,
                FlowVersion = Version,
                NodeId = node.Id,
                NodeType = node.Type,
                Reason = reason,
                Topic = message.Topic,
                MessageJson = message.Body.ToJsonString(),
                OriginId = message.OriginId,
                CreatedAt = _services.Time.GetUtcNow(),
            }, CancellationToken.None);
        }
#pragma warning disable CA1031 // A store failure must not be blamed on the node upstream; it is logged as a lost message.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            FlowLog.DeadLetterFailed(_services.Logger, ex, Definition.Id, node.Id, message.Id);
        }
    }

    internal static JsonNode? ParsePayload(ReadOnlyMemory<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return null;
        }

        try
        {
            return PayloadJson.Parse(payload.Span);
        }
        catch (JsonException)
        {
            // Not JSON (a device that sends plain text): the flow sees it as a string rather than losing it.
            return JsonValue.Create(System.Text.Encoding.UTF8.GetString(payload.Span));
        }
    }
}
