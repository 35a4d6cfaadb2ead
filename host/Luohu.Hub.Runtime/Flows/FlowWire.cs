using System.Text.Json.Serialization;

namespace Luohu.Hub.Runtime.Flows;

/// <summary>A wire from a node's output port (default <c>out</c>) to another node's input.</summary>
internal sealed record FlowWire
{
    [JsonPropertyName("from")]
    public required string From { get; init; }

    /// <summary>The output port where a node has several (<c>success</c>/<c>failure</c>, a switch's case names, <c>0</c>, <c>1</c>…).</summary>
    [JsonPropertyName("port")]
    public string? Port { get; init; }

    [JsonPropertyName("to")]
    public required string To { get; init; }
}
