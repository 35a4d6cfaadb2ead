using System.Text.Json;
using Luohu.Hub.Runtime.Flows.Nodes;

namespace Luohu.Hub.Runtime.Flows.Engine;

/// <summary>Turns a (validated) flow definition into an immutable <see cref="FlowSnapshot"/>.</summary>
internal sealed class FlowCompiler(IFlowNodeTypeRegistry registry, FlowServices services)
{
    /// <exception cref="FlowException">A node type is unknown or a config cannot be built (the definition was not validated).</exception>
    public FlowSnapshot Compile(
        FlowDefinition definition,
        int version,
        Func<FlowNode, NodeState> stateFor,
        FlowCounters counters,
        CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(stateFor);
        var hosts = new NodeHost[definition.Nodes.Count];
        var nodes = new CompiledNode[definition.Nodes.Count];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = definition.Nodes[i];
            var type = registry.Find(node.Type) ?? throw new FlowException(
                FlowErrorKind.Invalid, $"Flow '{definition.Id}' node '{node.Id}' has the unknown type '{node.Type}'.");
            hosts[i] = new NodeHost(definition, version, node, i, stateFor(node), services);
            var runtime = type.Create(new NodeBuildContext(node, hosts[i]));
            nodes[i] = new CompiledNode(node, type, runtime, hosts[i].State, type.GetOutputPorts(node.Config))
            {
                CatchScope = runtime is ICatchScope { Scope: { Count: > 0 } scope } ? scope : null,
                TriggerSignature = type.IsTrigger ? TriggerSignature(node) : null,
            };
            index[node.Id] = i;
        }

        var targets = nodes.Select(n => Enumerable.Range(0, n.Ports.Count).Select(_ => new List<int>()).ToArray()).ToArray();
        foreach (var wire in definition.Wires)
        {
            if (index.TryGetValue(wire.From, out var from) && index.TryGetValue(wire.To, out var to))
            {
                var port = FlowPorts.IndexOf(nodes[from].Ports, wire.Port);
                if (port >= 0)
                {
                    targets[from][port].Add(to);
                }
            }
        }

        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = nodes[i] with { Targets = [.. targets[i].Select(t => t.ToArray())] };
        }

        var snapshot = new FlowSnapshot(definition, version, nodes, services, counters, stopping);
        foreach (var host in hosts)
        {
            host.Attach(snapshot);
        }

        return snapshot;
    }

    /// <summary>Type plus canonical config: a trigger whose signature is unchanged keeps its bus subscription.</summary>
    public static string TriggerSignature(FlowNode node) =>
        $"{node.Type}|{(node.Config is { } config ? JsonSerializer.Serialize(config) : "null")}";
}
