namespace Luohu.Hub.Rules.Scripting;

/// <summary>A bounded least-recently-used cache of parsed scripts, keyed by kind and source text.</summary>
internal sealed class ScriptCache(int capacity)
{
    private readonly Dictionary<(ScriptKind Kind, string Code), LinkedListNode<CompiledScript>> _index = [];
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

    public bool TryGet(string code, ScriptKind kind, out CompiledScript? script)
    {
        lock (_gate)
        {
            if (_index.TryGetValue((kind, code), out var node))
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
        lock (_gate)
        {
            if (_index.TryGetValue((script.Kind, script.Code), out var existing))
            {
                return existing.Value;
            }

            _index[(script.Kind, script.Code)] = _order.AddFirst(script);
            while (_index.Count > capacity && _order.Last is { } oldest)
            {
                _order.RemoveLast();
                _index.Remove((oldest.Value.Kind, oldest.Value.Code));
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
}
