using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Flows.Engine;

/// <summary>
/// Nodes someone is watching in the designer's debug panel: while a node's lease runs, every message it emits on any
/// output (wired or not) is copied to <c>$hub/debug/{flowId}/{nodeId}</c>, the
/// topic its flow's debug nodes use, so the same stream access rule applies. Leases are keyed by node id and so
/// survive deploys; the panel renews them. At most <see cref="MaxPerFlow"/> nodes of a flow are watched: a new
/// watch beyond that ends the lease closest to expiry. With nothing watched the engine pays one volatile read.
/// </summary>
internal sealed class NodeWatches(IMessagePublisher publisher, TimeProvider time)
{
    public const int MaxPerFlow = 8;

    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, DateTimeOffset>> _flows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _count;

    /// <summary>Whether any node of any flow is watched; the engine's only cost when none is.</summary>
    public bool Any => Volatile.Read(ref _count) > 0;

    /// <summary>Starts or renews the watch of a node; returns when it ends unless renewed.</summary>
    public DateTimeOffset Watch(string flowId, string nodeId)
    {
        var until = time.GetUtcNow() + Lease;
        lock (_gate)
        {
            var leases = _flows.GetOrAdd(flowId, _ => new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal));
            foreach (var expired in leases.Where(l => l.Value <= until - Lease).Select(l => l.Key).ToList())
            {
                Remove(leases, expired);
            }

            if (!leases.ContainsKey(nodeId) && leases.Count >= MaxPerFlow)
            {
                var oldest = leases.MinBy(l => l.Value).Key;
                Remove(leases, oldest);
            }

            if (leases.TryAdd(nodeId, until))
            {
                Interlocked.Increment(ref _count);
            }
            else
            {
                leases[nodeId] = until;
            }
        }

        return until;
    }

    /// <summary>The nodes of a flow watched now, with the end of their leases.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Of(string flowId)
    {
        var now = time.GetUtcNow();
        return _flows.TryGetValue(flowId, out var leases)
            ? leases.Where(l => l.Value > now).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal)
            : new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="nodeId"/> is watched now; an expired lease is removed on the way.</summary>
    public bool IsWatched(string flowId, string nodeId)
    {
        if (!_flows.TryGetValue(flowId, out var leases) || !leases.TryGetValue(nodeId, out var until))
        {
            return false;
        }

        if (until > time.GetUtcNow())
        {
            return true;
        }

        lock (_gate)
        {
            if (leases.TryGetValue(nodeId, out var current) && current <= time.GetUtcNow())
            {
                Remove(leases, nodeId);
            }
        }

        return false;
    }

    /// <summary>Publishes a copy of <paramref name="message"/> as node <paramref name="node"/> emitted it on <paramref name="port"/>.</summary>
    public ValueTask PublishAsync(FlowSnapshot snapshot, CompiledNode node, string? port, FlowMessage message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var flowId = snapshot.Definition.Id;
        var payload = new JsonObject
        {
            ["flowId"] = flowId,
            ["nodeId"] = node.Node.Id,
            ["version"] = snapshot.Version,
            ["messageId"] = message.Id,
            ["originId"] = message.OriginId,
            ["at"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["watch"] = true,
            ["port"] = port,
            ["value"] = message.Body.DeepClone(),
        };
        return publisher.PublishAsync(new HubMessage
        {
            Id = FlowMessage.NewId(),
            Topic = $"$hub/debug/{flowId}/{node.Node.Id}",
            Payload = JsonSerializer.SerializeToUtf8Bytes(payload),
            Timestamp = now,
            Source = $"flow:{flowId}/{node.Node.Id}",
        }, cancellationToken);
    }

    private void Remove(ConcurrentDictionary<string, DateTimeOffset> leases, string nodeId)
    {
        if (leases.TryRemove(nodeId, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
