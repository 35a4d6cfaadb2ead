using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Flows;

/// <summary>The work one message can cause: loops that multiply it, fan-out past the budget, chains past the hop limit.</summary>
internal sealed partial class FlowValidator
{
    private void CheckWork(FlowDefinition flow, Dictionary<string, (IReadOnlyList<string>? Ports, bool IsTrigger)> ports, List<FlowProblem> problems)
    {
        var options = services.GetService<IOptions<FlowOptions>>()?.Value ?? new FlowOptions();
        var graph = FlowGraph.Of(flow);
        var branching = graph.BranchingLoops();
        foreach (var loop in branching)
        {
            problems.Add(new FlowProblem("wires", $"Nodes {Path(loop, loop[0])} form a loop that branches (more wires inside it than nodes): "
                + "every round multiplies the message, so one message would never end. Leave the loop by a single wire back, or end it with a switch.")
            { NodeId = loop[0] });
        }

        if (branching.Count > 0)
        {
            return;
        }

        foreach (var (id, (_, isTrigger)) in ports)
        {
            if (!isTrigger)
            {
                continue;
            }

            var (runs, depth, fanOut) = graph.Reach(id, options.MaxHops, options.MaxNodeRunsPerMessage);
            if (runs > options.MaxNodeRunsPerMessage)
            {
                var why = fanOut.Count == 0
                    ? "the chain alone is longer than that."
                    : $"the wires fan out at {string.Join(", ", fanOut.Take(8))}{(fanOut.Count > 8 ? ", …" : string.Empty)} and every copy runs on. Wire fewer copies.";
                problems.Add(new FlowProblem("wires", string.Create(CultureInfo.InvariantCulture,
                    $"One message entering '{id}' could run more than {options.MaxNodeRunsPerMessage:N0} nodes, the budget per message (Hub:Flows:MaxNodeRunsPerMessage): {why}"))
                { NodeId = id });
            }

            if (depth > options.MaxHops)
            {
                problems.Add(new FlowProblem("wires", string.Create(CultureInfo.InvariantCulture,
                    $"The longest chain from '{id}' passes {depth:N0} nodes in a row, more than the hop limit of {options.MaxHops} (Hub:Flows:MaxHops): a message would be stopped on the way. Shorten the chain or raise the limit."))
                { NodeId = id });
            }
        }
    }

    private static string Path(IReadOnlyList<string> loop, string back) =>
        string.Join(" → ", loop.Count > 12 ? [.. loop.Take(12), "…"] : loop) + " → " + back;
}
