namespace Luohu.Hub.Runtime.Flows;

/// <summary>
/// The shape of a flow's wiring, for the work one message can cause. Worst case throughout: every node is taken to
/// pass every message on every wire (a switch may in fact choose one), each wire giving the next node its own copy.
/// A loop (a strongly connected group of nodes) whose nodes have exactly one wire round it is a plain loop: it
/// turns until the message is stopped (a switch) or reaches the hop limit. A loop with more wires inside it than
/// nodes branches: every round multiplies the message, so one message never ends. Enabled nodes only: a disabled
/// node stops what reaches it. Iterative throughout, so a chain of ten thousand nodes costs no stack.
/// </summary>
internal sealed class FlowGraph
{
    private readonly string[] _ids;
    private readonly List<int>[] _out;
    private readonly int[] _component;
    private readonly List<List<int>> _components = [];

    private FlowGraph(FlowDefinition flow)
    {
        var nodes = flow.Nodes.Where(n => n is not null && !n.Disabled && n.Id is not null).ToList();
        _ids = [.. nodes.Select(n => n.Id)];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _ids.Length; i++)
        {
            index.TryAdd(_ids[i], i);
        }

        _out = [.. _ids.Select(_ => new List<int>())];
        foreach (var wire in flow.Wires ?? [])
        {
            if (wire?.From is { } from && wire.To is { } to && index.TryGetValue(from, out var f) && index.TryGetValue(to, out var t))
            {
                _out[f].Add(t);
            }
        }

        _component = new int[_ids.Length];
        FindComponents();
    }

    public static FlowGraph Of(FlowDefinition flow) => new(flow);

    /// <summary>Loops whose rounds multiply a message: each as its node ids, in wiring order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> BranchingLoops() =>
        [.. _components.Where(c => IsLoop(c) && InternalWires(c) > c.Count).Select(c => (IReadOnlyList<string>)[.. c.Select(i => _ids[i])])];

    /// <summary>One loop of the flow, as its node ids; null when the wiring has none.</summary>
    public IReadOnlyList<string>? AnyLoop() =>
        _components.FirstOrDefault(IsLoop) is { } loop ? [.. loop.Select(i => _ids[i])] : null;

    /// <summary>
    /// For the node <paramref name="startId"/>: the most node runs one message entering there can cause (capped just
    /// above <paramref name="cap"/>), the longest run of nodes in a row outside loops, and the nodes that fan out on
    /// the way. A branching loop on the way counts as more than the cap.
    /// </summary>
    public (long Runs, long Depth, IReadOnlyList<string> FanOut) Reach(string startId, int maxHops, long cap)
    {
        var start = Array.IndexOf(_ids, startId);
        if (start < 0)
        {
            return (0, 0, []);
        }

        var limit = cap + 1;
        var runs = new Dictionary<int, long>();
        var depth = new Dictionary<int, long>();
        var fanOut = new SortedSet<string>(StringComparer.Ordinal);

        // Post-order over the condensation (components reachable from the start), without recursion.
        var stack = new Stack<(int Component, bool Expanded)>();
        stack.Push((_component[start], false));
        while (stack.Count > 0)
        {
            var (c, expanded) = stack.Pop();
            if (runs.ContainsKey(c))
            {
                continue;
            }

            var members = _components[c];
            var exits = members.SelectMany(m => _out[m].Where(t => _component[t] != c).Select(t => (From: m, To: _component[t]))).ToList();
            if (!expanded)
            {
                stack.Push((c, true));
                foreach (var exit in exits.Where(e => !runs.ContainsKey(e.To)))
                {
                    stack.Push((exit.To, false));
                }

                continue;
            }

            foreach (var m in members.Where(m => _out[m].Count > 1))
            {
                fanOut.Add(_ids[m]);
            }

            var loop = IsLoop(members);
            if (loop && InternalWires(members) > members.Count)
            {
                runs[c] = limit;
                depth[c] = 0;
                continue;
            }

            // A plain loop turns at most until the hop limit: its nodes run that often, and each round leaves by every exit.
            var rounds = loop ? Math.Max(1, maxHops / members.Count) : 1;
            var own = loop ? Math.Min(maxHops, (long)members.Count * rounds) : members.Count;
            var total = own;
            var deepest = 0L;
            foreach (var exit in exits)
            {
                total = Saturate(total + Saturate(rounds * runs[exit.To], limit), limit);
                deepest = Math.Max(deepest, depth[exit.To]);
            }

            runs[c] = total;
            depth[c] = loop ? 0 : Saturate(members.Count + deepest, limit);
        }

        var root = _component[start];
        return (runs[root], depth[root], [.. fanOut]);
    }

    private static long Saturate(long value, long limit) => value < 0 || value > limit ? limit : value;

    private bool IsLoop(List<int> component) => component.Count > 1 || _out[component[0]].Contains(component[0]);

    private int InternalWires(List<int> component)
    {
        var members = component.ToHashSet();
        return component.Sum(m => _out[m].Count(members.Contains));
    }

    /// <summary>Tarjan's strongly connected components, iteratively.</summary>
    private void FindComponents()
    {
        var n = _ids.Length;
        var order = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        Array.Fill(order, -1);
        var stack = new Stack<int>();
        var counter = 0;
        for (var root = 0; root < n; root++)
        {
            if (order[root] >= 0)
            {
                continue;
            }

            var work = new Stack<(int Node, int Next)>();
            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (v, next) = work.Pop();
                if (next == 0)
                {
                    order[v] = low[v] = counter++;
                    stack.Push(v);
                    onStack[v] = true;
                }

                if (next < _out[v].Count)
                {
                    var w = _out[v][next];
                    work.Push((v, next + 1));
                    if (order[w] < 0)
                    {
                        work.Push((w, 0));
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], order[w]);
                    }

                    continue;
                }

                if (low[v] == order[v])
                {
                    var component = new List<int>();
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        _component[w] = _components.Count;
                        component.Add(w);
                    }
                    while (w != v);
                    component.Reverse();
                    _components.Add(component);
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }
    }
}
