using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Datasets;

/// <summary>
/// In-memory datasets. Kept in memory only on purpose: the flows that feed them rebuild them from live events
/// within one tick after a restart (the parking plugin reports every car park each second), so persisting
/// hundreds of writes a second would cost more than it saves.
/// </summary>
internal sealed class DatasetRegistry(TimeProvider time, ILogger<DatasetRegistry> logger) : IDatasetRegistry
{
    private readonly ConcurrentDictionary<string, Slot> _datasets = new(StringComparer.Ordinal);

    public IReadOnlyList<DatasetSnapshot> List() =>
        [.. _datasets.Values.Select(s => s.Current).OrderBy(s => s.Name, StringComparer.Ordinal)];

    public DatasetSnapshot? Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _datasets.TryGetValue(name, out var slot) ? slot.Current : null;
    }

    public DatasetSnapshot Declare(string name) => SlotOf(name).Current;

    public DatasetSnapshot Upsert(string name, string key, JsonElement record)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A record of dataset '{name}' must be a JSON object, not {record.ValueKind} (key '{key}').", nameof(record));
        }

        var slot = SlotOf(name);
        lock (slot.Gate)
        {
            var current = slot.Current;
            return slot.Current = new DatasetSnapshot(name, current.Version + 1, time.GetUtcNow(), current.Records.SetItem(key, record));
        }
    }

    public DatasetSnapshot Remove(string name, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slot = SlotOf(name);
        lock (slot.Gate)
        {
            var current = slot.Current;
            if (!current.Records.ContainsKey(key))
            {
                return current;
            }

            slot.Current = new DatasetSnapshot(name, current.Version + 1, time.GetUtcNow(), current.Records.Remove(key));
            DatasetLog.Removed(logger, name, key, slot.Current.Version);
            return slot.Current;
        }
    }

    private Slot SlotOf(string name)
    {
        if (_datasets.TryGetValue(name, out var existing))
        {
            return existing;
        }

        if (DatasetNames.Validate(name) is { } error)
        {
            throw new ArgumentException(error, nameof(name));
        }

        var created = new Slot(new DatasetSnapshot(name, 0, time.GetUtcNow(), DatasetSnapshot.NoRecords));
        var slot = _datasets.GetOrAdd(name, created);
        if (ReferenceEquals(slot, created))
        {
            DatasetLog.Declared(logger, name);
        }

        return slot;
    }

    private sealed class Slot(DatasetSnapshot initial)
    {
        private DatasetSnapshot _current = initial;

        public Lock Gate { get; } = new();

        /// <summary>Read without the gate: a reference swap is atomic and the snapshot behind it never changes.</summary>
        public DatasetSnapshot Current
        {
            get => Volatile.Read(ref _current);
            set => Volatile.Write(ref _current, value);
        }
    }
}
