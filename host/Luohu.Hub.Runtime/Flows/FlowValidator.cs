using System.Text.RegularExpressions;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Flows.Nodes;
using Luohu.Hub.Runtime.Flows.Scripting;
using Luohu.Hub.Runtime.RuleLibrary;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Flows;

/// <summary>
/// Finds every problem of a flow at once, each with its path (<c>nodes[calc].config.code</c>, <c>wires[2].to</c>)
/// and node id. Ids: flow and department ids are lower-case <c>^[a-z0-9][a-z0-9-_.]*$</c> (they appear in URLs
/// and topics), at most 100 characters; node ids also allow upper case. A flow without a trigger is an error:
/// it could never run.
/// </summary>
internal sealed partial class FlowValidator(IFlowNodeTypeRegistry registry, IFlowScripting scripting, IServiceProvider services)
{
    public const int MaxIdLength = 100;

    public IReadOnlyList<FlowProblem> Validate(FlowDefinition flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var problems = new List<FlowProblem>();
        CheckId(problems, "id", flow.Id, "flow id", FlowId());
        if (string.IsNullOrWhiteSpace(flow.Name))
        {
            problems.Add(new FlowProblem("name", "The flow needs a name people recognise, e.g. \"Parking guidance\"."));
        }

        CheckId(problems, "department", flow.Department, "department", FlowId());
        var shared = flow.SharedWith ?? [];
        for (var i = 0; i < shared.Count; i++)
        {
            CheckId(problems, $"sharedWith[{i}]", shared[i], "department to share with", FlowId());
        }

        var catalog = services.GetService<ICapabilityCatalog>();
        var library = services.GetService<IRuleLibrary>();
        var nodes = flow.Nodes ?? [];
        var ports = new Dictionary<string, (IReadOnlyList<string>? Ports, bool IsTrigger)>(StringComparer.Ordinal);
        var hasTrigger = false;
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node is null)
            {
                problems.Add(new FlowProblem($"nodes[{i}]", "A node is null; remove it."));
                continue;
            }

            var where = string.IsNullOrWhiteSpace(node.Id) ? $"nodes[{i}]" : $"nodes[{node.Id}]";
            if (string.IsNullOrWhiteSpace(node.Id))
            {
                problems.Add(new FlowProblem($"{where}.id", $"Node {i} has no id; give it one like 'calc'."));
                continue;
            }

            if (!NodeId().IsMatch(node.Id) || node.Id.Length > MaxIdLength)
            {
                problems.Add(new FlowProblem($"{where}.id", $"Node id '{node.Id}' may only use letters, digits, '-', '_' and '.', start with a letter or digit, and have at most {MaxIdLength} characters.") { NodeId = node.Id });
            }

            if (ports.ContainsKey(node.Id))
            {
                problems.Add(new FlowProblem($"{where}.id", $"Node id '{node.Id}' is used by more than one node; ids must be unique in a flow.") { NodeId = node.Id });
                continue;
            }

            var type = string.IsNullOrWhiteSpace(node.Type) ? null : registry.Find(node.Type);
            if (type is null)
            {
                problems.Add(new FlowProblem($"{where}.type", string.IsNullOrWhiteSpace(node.Type)
                    ? $"Node '{node.Id}' has no type."
                    : $"Node '{node.Id}' has the unknown type '{node.Type}'. Known types: {string.Join(", ", registry.List().Select(t => t.Type))}.") { NodeId = node.Id });
                ports[node.Id] = (null, false);
                continue;
            }

            var context = new NodeValidationContext(flow, node, scripting, catalog, library);
            type.Validate(context);
            problems.AddRange(context.Config.Problems);
            ports[node.Id] = (type.GetOutputPorts(node.Config), type.IsTrigger);
            hasTrigger |= type.IsTrigger && type.Type != "catch" && !node.Disabled;
        }

        var wires = flow.Wires ?? [];
        for (var i = 0; i < wires.Count; i++)
        {
            var wire = wires[i];
            if (wire is null)
            {
                problems.Add(new FlowProblem($"wires[{i}]", "A wire is null; remove it."));
                continue;
            }

            if (!ports.TryGetValue(wire.From ?? string.Empty, out var from))
            {
                problems.Add(new FlowProblem($"wires[{i}].from", $"Wire {i} starts at '{wire.From}', which is not a node of this flow."));
            }
            else if (from.Ports is not null && FlowPorts.IndexOf(from.Ports, wire.Port) < 0)
            {
                problems.Add(new FlowProblem($"wires[{i}].port", from.Ports.Count == 0
                    ? $"Node '{wire.From}' has no output; wire {i} cannot start there."
                    : $"Node '{wire.From}' has no output port '{wire.Port}'; its ports are: {string.Join(", ", from.Ports)}.") { NodeId = wire.From });
            }

            if (!ports.TryGetValue(wire.To ?? string.Empty, out var to))
            {
                problems.Add(new FlowProblem($"wires[{i}].to", $"Wire {i} leads to '{wire.To}', which is not a node of this flow (a wire to nowhere)."));
            }
            else if (to.IsTrigger)
            {
                problems.Add(new FlowProblem($"wires[{i}].to", $"Wire {i} leads into '{wire.To}', a trigger (or catch) node; messages enter a flow there, nothing can be wired into it.") { NodeId = wire.To });
            }
        }

        if (problems.Count == 0)
        {
            CheckWork(flow, ports, problems);
        }

        if (services.GetService<Security.IFlowGrantCheck>() is { } grants)
        {
            problems.AddRange(grants.Check(flow));
        }

        if (!hasTrigger && nodes.Count > 0)
        {
            problems.Add(new FlowProblem("nodes", "The flow has no enabled trigger (trigger.topic, trigger.plugin, ...), so no message would ever enter it. Add one."));
        }
        else if (nodes.Count == 0)
        {
            problems.Add(new FlowProblem("nodes", "The flow has no nodes. Add a trigger and what should happen to its messages."));
        }

        return problems;
    }

    private static void CheckId(List<FlowProblem> problems, string path, string? value, string what, Regex pattern)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new FlowProblem(path, $"The {what} is missing."));
        }
        else if (!pattern.IsMatch(value) || value.Length > MaxIdLength)
        {
            problems.Add(new FlowProblem(path, $"The {what} '{value}' may only use lower-case letters, digits, '-', '_' and '.', must start with a letter or digit, and have at most {MaxIdLength} characters (e.g. 'parking-guidance')."));
        }
    }

    /// <summary>The alphabet of flow ids and department ids (the directory API checks department ids by it too).</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9-_.]*$")]
    internal static partial Regex FlowId();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-_.]*$")]
    private static partial Regex NodeId();
}
