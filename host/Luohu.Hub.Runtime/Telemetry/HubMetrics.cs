using System.Diagnostics.Metrics;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;

namespace Luohu.Hub.Runtime.Telemetry;

/// <summary>
/// The hub's instruments (meter <c>Luohu.Hub</c>). Two kinds, one count each:
/// what the API and the designer show (flow messages and errors, plugin calls, failures, timeouts, circuits, bus
/// totals and queues) is a lock-free total in the object that owns it, exported here by observable instruments that
/// read those same fields when an exporter collects; what only an exporter wants (messages in and out per node, node
/// and plugin call durations, dead letters, schedule fires) is a plain counter or histogram, which costs one check
/// and no allocation per message while nothing listens.
/// </summary>
internal sealed class HubMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly IServiceProvider _services;

    public HubMetrics(IServiceProvider services, IMeterFactory? meters = null)
    {
        _services = services;
        _meter = meters?.Create(HubTelemetry.Name) ?? new Meter(HubTelemetry.Name);
        NodeMessagesIn = _meter.CreateCounter<long>("luohu.flow.node.messages_in", "{message}", "Messages a node was handed.");
        NodeMessagesOut = _meter.CreateCounter<long>("luohu.flow.node.messages_out", "{message}", "Messages a node sent on along its wires.");
        NodeDuration = _meter.CreateHistogram<double>("luohu.flow.node.duration", "s", "Time a node ran on a message, with what ran downstream of it on the same task (messages run depth-first).");
        DeadLetters = _meter.CreateCounter<long>("luohu.flow.dead_letters", "{message}", "Messages that ended as dead letters, by the node that failed.");
        ScheduleFires = _meter.CreateCounter<long>("luohu.scheduler.fires", "{fire}", "Schedule triggers fired.");
        PluginCallDuration = _meter.CreateHistogram<double>("luohu.plugin.call.duration", "s", "Action calls through the invoker, by outcome (ok, failed, timeout).");

        _meter.CreateObservableCounter("luohu.flow.messages", () => Flows(f => f.Counters.Messages), "{message}", "Messages that entered a flow (the flows API's messages per minute counts the same).");
        _meter.CreateObservableCounter("luohu.flow.errors", () => Flows(f => f.Counters.Errors), "{error}", "Node failures of a flow.");

        _meter.CreateObservableCounter("luohu.plugin.calls", () => Connectors(s => s.Calls), "{call}", "Calls of a plugin's action.");
        _meter.CreateObservableCounter("luohu.plugin.failures", () => Connectors(s => s.Failures), "{call}", "Failed calls of an action, or faults of an event source.");
        _meter.CreateObservableCounter("luohu.plugin.timeouts", () => Connectors(s => s.Timeouts), "{call}", "Calls abandoned at the invoke timeout.");
        _meter.CreateObservableCounter("luohu.plugin.rejected", () => Connectors(s => s.Rejected), "{call}", "Calls refused by an open circuit or a stopped process, and events refused.");
        _meter.CreateObservableCounter("luohu.plugin.events", () => Connectors(s => s.Events), "{event}", "Events an event source put on the bus.");
        _meter.CreateObservableCounter("luohu.plugin.restarts", () => Connectors(s => s.Restarts), "{restart}", "Restarts of an event source after a fault.");
        _meter.CreateObservableGauge("luohu.plugin.circuit.state", () => Connectors(Circuit), "{state}", "Circuit breaker of an action: 0 closed, 1 half-open, 2 open.");

        _meter.CreateObservableCounter("luohu.bus.published", () => Bus(b => b.Published), "{message}", "Messages accepted by the bus.");
        _meter.CreateObservableCounter("luohu.bus.unmatched", () => Bus(b => b.Unmatched), "{message}", "Messages no subscription matched.");
        _meter.CreateObservableCounter("luohu.bus.delivered", () => Bus(b => b.Delivered), "{message}", "Handler calls that returned normally.");
        _meter.CreateObservableCounter("luohu.bus.failures", () => Bus(b => b.Failures), "{message}", "Handler calls that threw.");
        _meter.CreateObservableCounter("luohu.bus.rejected", () => Bus(b => b.Rejected), "{message}", "Publishes refused by a full queue with the Reject policy.");
        _meter.CreateObservableCounter("luohu.bus.dropped", BusDrops, "{message}", "Messages dropped from full queues (reason oldest, newest) or left when a drain timed out (discarded).");
        _meter.CreateObservableGauge("luohu.bus.queue.depth", QueueDepths, "{message}", "Messages waiting in a subscription's queue.");
    }

    public Counter<long> NodeMessagesIn { get; }

    public Counter<long> NodeMessagesOut { get; }

    public Histogram<double> NodeDuration { get; }

    public Counter<long> DeadLetters { get; }

    public Counter<long> ScheduleFires { get; }

    public Histogram<double> PluginCallDuration { get; }

    public void Dispose() => _meter.Dispose();

    private static int Circuit(ConnectorStats stats) => stats.CircuitState switch
    {
        CircuitState.HalfOpen => 1,
        CircuitState.Open or CircuitState.Isolated => 2,
        _ => 0,
    };

    private IEnumerable<Measurement<long>> Flows(Func<RunningFlow, long> read)
    {
        if (Resolve<FlowEngine>() is not { } engine)
        {
            yield break;
        }

        foreach (var flow in engine.Running)
        {
            yield return new Measurement<long>(read(flow), new KeyValuePair<string, object?>(HubTelemetry.FlowTag, flow.FlowId));
        }
    }

    private IEnumerable<Measurement<T>> Connectors<T>(Func<ConnectorStats, T> read)
        where T : struct
    {
        if (Resolve<PluginManager>() is not { } plugins)
        {
            yield break;
        }

        foreach (var stats in plugins.ActiveConnectors())
        {
            yield return new Measurement<T>(read(stats),
                new KeyValuePair<string, object?>(HubTelemetry.PluginTag, stats.PluginId),
                new KeyValuePair<string, object?>(HubTelemetry.ConnectorTag, stats.Id));
        }
    }

    private IEnumerable<Measurement<long>> Bus(Func<BusStatistics, long> read) =>
        Resolve<IMessageBus>() is { } bus ? [new Measurement<long>(read(bus.GetStatistics()))] : [];

    private IEnumerable<Measurement<long>> BusDrops()
    {
        if (Resolve<IMessageBus>() is not { } bus)
        {
            return [];
        }

        var statistics = bus.GetStatistics();
        return
        [
            new Measurement<long>(statistics.DroppedOldest, new KeyValuePair<string, object?>("reason", "oldest")),
            new Measurement<long>(statistics.DroppedNewest, new KeyValuePair<string, object?>("reason", "newest")),
            new Measurement<long>(statistics.DiscardedOnDispose, new KeyValuePair<string, object?>("reason", "discarded")),
        ];
    }

    private IEnumerable<Measurement<int>> QueueDepths()
    {
        if (Resolve<IMessageBus>() is not { } bus)
        {
            yield break;
        }

        foreach (var subscription in bus.ListSubscriptions())
        {
            yield return new Measurement<int>(subscription.QueueDepth, new KeyValuePair<string, object?>("luohu.subscription", subscription.Name));
        }
    }

    /// <summary>Resolved when an exporter collects, so that the instruments never decide what the hub builds or in which order.</summary>
    private T? Resolve<T>()
        where T : class
    {
        try
        {
            return _services.GetService<T>();
        }
        catch (ObjectDisposedException)
        {
            // A collection that races the hub's shutdown reports nothing.
            return null;
        }
    }
}
