using System.Text.Json.Nodes;
using Jint.Native.Object;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// Which JSON node each object of a run's message was built from, and which nodes the returned value has taken
/// back. A message has a handful of objects, so they are found by scanning, compared by reference: hashing a fresh
/// object by identity costs more than the scan (the runtime must give the object a hash first). Past
/// <see cref="ScanLimit"/> entries (a message with many objects) a dictionary takes over.
/// </summary>
internal sealed class OriginMap
{
    private const int ScanLimit = 16;

    private readonly List<(ObjectInstance Js, JsonNode Node, bool Taken)> _entries = [];
    private Dictionary<ObjectInstance, int>? _index;
    private HashSet<JsonNode>? _takenNodes;

    public int Count => _entries.Count;

    public void Add(ObjectInstance js, JsonNode node)
    {
        _entries.Add((js, node, false));
        if (_index is not null)
        {
            _index[js] = _entries.Count - 1;
        }
        else if (_entries.Count > ScanLimit)
        {
            _index = new Dictionary<ObjectInstance, int>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < _entries.Count; i++)
            {
                _index[_entries[i].Js] = i;
            }
        }
    }

    /// <summary>
    /// The node <paramref name="js"/> was built from, the first time that node is asked for (a node has one parent, so
    /// it is taken back once); null when it has none or was taken already.
    /// </summary>
    public JsonNode? Take(ObjectInstance js)
    {
        var at = Find(js);
        if (at < 0 || _entries[at].Taken)
        {
            return null;
        }

        var node = _entries[at].Node;
        if (_index is not null)
        {
            if (!(_takenNodes ??= new HashSet<JsonNode>(ReferenceEqualityComparer.Instance)).Add(node))
            {
                return null;
            }
        }
        else
        {
            foreach (var entry in _entries)
            {
                if (entry.Taken && ReferenceEquals(entry.Node, node))
                {
                    return null;
                }
            }
        }

        _entries[at] = _entries[at] with { Taken = true };
        return node;
    }

    public void Clear()
    {
        _entries.Clear();
        _index = null;
        _takenNodes = null;
    }

    private int Find(ObjectInstance js)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(js, out var at) ? at : -1;
        }

        for (var i = 0; i < _entries.Count; i++)
        {
            if (ReferenceEquals(_entries[i].Js, js))
            {
                return i;
            }
        }

        return -1;
    }
}
