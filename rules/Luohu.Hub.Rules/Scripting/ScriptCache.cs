namespace Luohu.Hub.Rules.Scripting;

/// <summary>A bounded least-recently-used cache of parsed scripts, keyed by kind, parameters and source text.</summary>
internal sealed class ScriptCache(int capacity)
{
    private readonly Dictionary<Key, LinkedListNode<CompiledScript>> _index = [];
    private readonly LinkedList<CompiledScript> _order = new();
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _index.Count;
            }
        }
    }

    public bool TryGet(string code, ScriptKind kind, IReadOnlyList<string> parameters, out CompiledScript? script)
    {
        var key = new Key(kind, code, Signature(parameters));
        lock (_gate)
        {
            if (_index.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                script = node.Value;
                return true;
            }
        }

        script = null;
        return false;
    }

    /// <summary>Adds <paramref name="script"/> unless another thread won the race; returns the cached instance.</summary>
    public CompiledScript Add(CompiledScript script)
    {
        var key = KeyOf(script);
        lock (_gate)
        {
            if (_index.TryGetValue(key, out var existing))
            {
                return existing.Value;
            }

            _index[key] = _order.AddFirst(script);
            while (_index.Count > capacity && _order.Last is { } oldest)
            {
                _order.RemoveLast();
                _index.Remove(KeyOf(oldest.Value));
            }

            return script;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _index.Clear();
            _order.Clear();
        }
    }

    private static Key KeyOf(CompiledScript script) => new(script.Kind, script.Code, Signature(script.Parameters));

    private static string Signature(IReadOnlyList<string> parameters) => parameters.Count == 0 ? string.Empty : string.Join('\u0001', parameters);

    private readonly record struct Key(ScriptKind Kind, string Code, string Parameters);
}
