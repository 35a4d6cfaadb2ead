using System.Text.Json.Serialization;

namespace Luohu.Hub.Runtime.Flows;

/// <summary>
/// A flow as integrators keep it in git and the designer imports and exports it (camelCase JSON):
/// <code>
/// { "id": "parking-guidance", "name": "Parking guidance", "department": "traffic",
///   "nodes": [ { "id": "in", "type": "trigger.topic", "config": { "topic": "sensors/parking/+/occupancy" } }, ... ],
///   "wires": [ { "from": "in", "to": "calc" }, { "from": "rule", "port": "success", "to": "out" } ] }
/// </code>
/// </summary>
internal sealed record FlowDefinition
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("department")]
    public required string Department { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>
    /// Other departments that may read this flow (its draft, versions, diffs, dead letters and debug stream) but not
    /// change, deploy or delete it. Absent or empty: only the owning department (and admins) see it.
    /// </summary>
    [JsonPropertyName("sharedWith")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SharedWith { get; init; }

    [JsonPropertyName("nodes")]
    public IReadOnlyList<FlowNode> Nodes { get; init; } = [];

    [JsonPropertyName("wires")]
    public IReadOnlyList<FlowWire> Wires { get; init; } = [];
}
