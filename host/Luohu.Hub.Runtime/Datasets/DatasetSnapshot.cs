using System.Collections.Immutable;
using System.Text.Json;

namespace Luohu.Hub.Runtime.Datasets;

/// <summary>One immutable state of a dataset: safe to read from any thread while newer ones are swapped in.</summary>
internal sealed class DatasetSnapshot
{
    public static readonly ImmutableSortedDictionary<string, JsonElement> NoRecords =
        ImmutableSortedDictionary.Create<string, JsonElement>(StringComparer.Ordinal);

    public DatasetSnapshot(string name, long version, DateTimeOffset updatedAt, ImmutableSortedDictionary<string, JsonElement> records)
    {
        Name = name;
        Version = version;
        UpdatedAt = updatedAt;
        Records = records;
    }

    public string Name { get; }

    /// <summary>Grows by one with every change, so (name, version) names exactly one content.</summary>
    public long Version { get; }

    /// <summary>When the last change happened (the declaration time for an empty dataset).</summary>
    public DateTimeOffset UpdatedAt { get; }

    /// <summary>The records by key, in ordinal key order.</summary>
    public ImmutableSortedDictionary<string, JsonElement> Records { get; }

    public int Count => Records.Count;
}
