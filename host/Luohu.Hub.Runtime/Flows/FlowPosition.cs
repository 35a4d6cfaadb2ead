using System.Text.Json.Serialization;

namespace Luohu.Hub.Runtime.Flows;

/// <summary>Where the designer draws a node; meaningless to the runtime.</summary>
internal sealed record FlowPosition([property: JsonPropertyName("x")] double X, [property: JsonPropertyName("y")] double Y);
