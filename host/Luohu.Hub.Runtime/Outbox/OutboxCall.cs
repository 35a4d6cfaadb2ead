using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.Outbox;

/// <summary>A flow's call of a capability that changes the world, as the action node asks for it.</summary>
internal sealed record OutboxCall
{
    public required string Capability { get; init; }
    public required JsonNode? Input { get; init; }
    public required string FlowId { get; init; }
    public required int FlowVersion { get; init; }
    public required string NodeId { get; init; }
    public required string MessageId { get; init; }
    public string? Department { get; init; }
    public string? Provider { get; init; }
    public required string CorrelationId { get; init; }
}
