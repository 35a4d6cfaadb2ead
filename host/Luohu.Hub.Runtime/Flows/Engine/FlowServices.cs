using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Flows.Alerts;
using Luohu.Hub.Runtime.Flows.Persistence;
using Luohu.Hub.Runtime.Flows.Scripting;
using Luohu.Hub.Runtime.Outbox;
using Luohu.Hub.Runtime.RuleLibrary;
using Luohu.Hub.Runtime.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Flows.Engine;

/// <summary>The hub services runtime nodes use, gathered once.</summary>
internal sealed class FlowServices(
    IMessagePublisher publisher,
    IFlowScripting scripting,
    IAlertLog alerts,
    IDeadLetterRepository deadLetters,
    TimeProvider timeProvider,
    IOptions<FlowOptions> options,
    ILogger<FlowServices> logger,
    NodeWatches watches,
    IRuleLibrary library,
    HubMetrics metrics,
    IServiceProvider provider)
{
    public HubMetrics Metrics { get; } = metrics;

    public IMessagePublisher Publisher { get; } = publisher;
    public IFlowScripting Scripting { get; } = scripting;
    public IAlertLog Alerts { get; } = alerts;
    public IDeadLetterRepository DeadLetters { get; } = deadLetters;
    public TimeProvider Time { get; } = timeProvider;
    public FlowOptions Options { get; } = options.Value;
    public ILogger Logger { get; } = logger;

    /// <summary>Nodes watched from the designer's debug panel.</summary>
    public NodeWatches Watches { get; } = watches;

    /// <summary>The rules library that rule nodes follow or pin.</summary>
    public IRuleLibrary Library { get; } = library;

    private ICapabilityInvoker? _invoker;

    /// <summary>The plugin runtime's invoker; resolved on first use (plugins load after flows start), then kept.</summary>
    public ICapabilityInvoker? Invoker => _invoker ??= provider.GetService<ICapabilityInvoker>();

    private ICapabilityCatalog? _catalog;

    /// <summary>The capabilities on offer (whether one changes the world); resolved on first use like the invoker.</summary>
    public ICapabilityCatalog? Catalog => _catalog ??= provider.GetService<ICapabilityCatalog>();

    private OutboxExecutor? _outbox;

    /// <summary>The outbox for capabilities that change the world, when the hub has one.</summary>
    public OutboxExecutor? Outbox => _outbox ??= provider.GetService<OutboxExecutor>();
}
