using System.Text.Json;
using System.Text.Json.Serialization;

namespace Luohu.Hub.Runtime.Flows;

/// <summary>One node of a flow. <see cref="Config"/> is the node type's settings as JSON.</summary>
internal sealed record FlowNode
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("config")]
    public JsonElement? Config { get; init; }

    [JsonPropertyName("position")]
    public FlowPosition? Position { get; init; }

    /// <summary>A disabled node passes nothing on; the designer greys it out.</summary>
    [JsonPropertyName("disabled")]
    public bool Disabled { get; init; }
}
