using System.Collections.Frozen;
using Luohu.Hub.Runtime.Flows.Engine;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Webhooks;

/// <summary>
/// The live webhook routes. A flow's routes are replaced in one swap of an immutable table after each deploy,
/// so a request sees either the old or the new set, never a mix; undeploy removes them. A route already served
/// by another flow stays with it (deploy validation reports the conflict first; this covers a race).
/// </summary>
internal sealed class WebhookRouteTable(ILogger<WebhookRouteTable> logger) : IFlowTriggerSource
{
    private readonly Lock _gate = new();
    private volatile FrozenDictionary<string, WebhookRoute> _routes = FrozenDictionary<string, WebhookRoute>.Empty;

    public WebhookRoute? Find(string department, string path) =>
        _routes.GetValueOrDefault(WebhookRoute.KeyOf(department, path));

    public IReadOnlyCollection<WebhookRoute> Routes => _routes.Values;

    public ValueTask SyncAsync(RunningFlow flow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var snapshot = flow.Current;
        var wanted = snapshot.Nodes
            .Where(n => !n.Node.Disabled && n.Runtime is WebhookTriggerRuntime)
            .Select(n => new WebhookRoute(snapshot.Definition.Department, ((WebhookTriggerRuntime)n.Runtime).Settings.Path,
                flow.FlowId, n.Node.Id, n.TriggerSignature!, ((WebhookTriggerRuntime)n.Runtime).Settings))
            .ToList();
        lock (_gate)
        {
            var next = _routes.Where(r => r.Value.FlowId != flow.FlowId).ToDictionary(StringComparer.Ordinal);
            foreach (var route in wanted)
            {
                if (next.TryGetValue(route.Key, out var owner))
                {
                    WebhookLog.RouteConflict(logger, flow.FlowId, route.NodeId, route.Key, owner.FlowId);
                    continue;
                }

                next[route.Key] = route;
            }

            _routes = next.ToFrozenDictionary(StringComparer.Ordinal);
        }

        if (wanted.Count > 0 && logger.IsEnabled(LogLevel.Information))
        {
            var described = string.Join(", ", wanted.Select(r => $"{string.Join('|', r.Settings.Methods)} /hooks/{r.Key}"));
            WebhookLog.RoutesSynced(logger, flow.FlowId, described);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string flowId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_routes.Values.Any(r => r.FlowId == flowId))
            {
                _routes = _routes.Where(r => r.Value.FlowId != flowId).ToFrozenDictionary(StringComparer.Ordinal);
                WebhookLog.RoutesRemoved(logger, flowId);
            }
        }

        return ValueTask.CompletedTask;
    }
}
