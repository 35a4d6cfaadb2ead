using System.Text.Json;

namespace Luohu.Hub.Runtime.Datasets;

/// <summary>
/// Named datasets that flows publish and the gateway serves read-only: JSON records keyed by id. Readers get
/// immutable snapshots without taking a lock; writers of one dataset are serialized and swap in a new snapshot.
/// </summary>
internal interface IDatasetRegistry
{
    /// <summary>Every dataset, ordered by name.</summary>
    IReadOnlyList<DatasetSnapshot> List();

    /// <summary>The current snapshot of <paramref name="name"/>, or null when no flow has declared or written it.</summary>
    DatasetSnapshot? Get(string name);

    /// <summary>Makes an empty dataset known (a deployed flow will fill it); does nothing when it exists.</summary>
    DatasetSnapshot Declare(string name);

    /// <summary>Adds or replaces the record <paramref name="key"/>; <paramref name="record"/> must be a JSON object.</summary>
    DatasetSnapshot Upsert(string name, string key, JsonElement record);

    /// <summary>Removes the record <paramref name="key"/>; the snapshot is unchanged (same version) when it was absent.</summary>
    DatasetSnapshot Remove(string name, string key);
}
