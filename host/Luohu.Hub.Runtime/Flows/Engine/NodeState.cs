using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.Flows.Engine;

/// <summary>
/// The state of one node of a running flow (a script's <c>ctx</c>, a window's buckets, a throttle's counters),
/// as a JSON object under a lock. It belongs to the running flow, not to a snapshot: a deploy that keeps the
/// node id and type hands the same instance to the new version, which is how state carries over.
/// Changes mark it dirty; the running flow writes dirty states to the store periodically and when it stops.
/// </summary>
internal sealed class NodeState
{
    private readonly Lock _gate = new();
    private readonly JsonObject _data;
    private bool _dirty;

    public NodeState(string nodeId, string nodeType, JsonObject? initial = null)
    {
        NodeId = nodeId;
        NodeType = nodeType;
        _data = initial ?? [];
    }

    public string NodeId { get; }

    public string NodeType { get; }

    /// <summary>Runtime-only companions of the state that are not persisted (pending delayed or queued messages).</summary>
    public object? Transient { get; set; }

    /// <summary>Delayed messages waiting, across the versions sharing this state.</summary>
    public int Pending;

    /// <summary>Messages a node shed by its policy (throttle drop, delay overflow), for the ops pages.</summary>
    public long Dropped;

    public JsonNode? GetValue(string key)
    {
        lock (_gate)
        {
            return _data[key]?.DeepClone();
        }
    }

    public void SetValue(string key, JsonNode? value)
    {
        lock (_gate)
        {
            if (value is null)
            {
                _data.Remove(key);
            }
            else
            {
                _data[key] = value.DeepClone();
            }

            _dirty = true;
        }
    }

    /// <summary>Reads or changes the state atomically; the change marks it dirty.</summary>
    public T Update<T>(Func<JsonObject, T> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            _dirty = true;
            return change(_data);
        }
    }

    public T Read<T>(Func<JsonObject, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_gate)
        {
            return read(_data);
        }
    }

    /// <summary>The state as JSON text when it changed since the last call, else null.</summary>
    public string? TakeIfDirty()
    {
        lock (_gate)
        {
            if (!_dirty)
            {
                return null;
            }

            _dirty = false;
            return _data.ToJsonString();
        }
    }

    /// <summary>Marks the state dirty again after a failed write, so the next flush retries it.</summary>
    public void MarkDirty()
    {
        lock (_gate)
        {
            _dirty = true;
        }
    }

    public string ToJsonString()
    {
        lock (_gate)
        {
            return _data.ToJsonString();
        }
    }
}
