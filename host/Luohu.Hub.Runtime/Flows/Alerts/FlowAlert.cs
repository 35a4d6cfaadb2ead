using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.Flows.Alerts;

/// <summary>An alert raised by a flow's <c>alert</c> node, as ops and dashboards see it.</summary>
internal sealed record FlowAlert
{
    public required string Id { get; init; }
    public required string Department { get; init; }
    public required string FlowId { get; init; }
    public required string NodeId { get; init; }

    /// <summary><c>info</c>, <c>warning</c> or <c>critical</c>.</summary>
    public required string Severity { get; init; }

    public required string Title { get; init; }
    public string? Message { get; init; }

    /// <summary>The topic of the message that raised it.</summary>
    public string? Topic { get; init; }

    public JsonNode? Payload { get; init; }
    public required DateTimeOffset RaisedAt { get; init; }
}
