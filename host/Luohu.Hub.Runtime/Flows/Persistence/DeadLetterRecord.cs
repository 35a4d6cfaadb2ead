namespace Luohu.Hub.Runtime.Flows.Persistence;

/// <summary>A message a node failed on, with no catch node to take it: what, where, why.</summary>
internal sealed record DeadLetterRecord
{
    public required string Id { get; init; }
    public required string FlowId { get; init; }
    public int FlowVersion { get; init; }
    public required string NodeId { get; init; }
    public string? NodeType { get; init; }

    /// <summary>The error as a person reads it.</summary>
    public required string Reason { get; init; }

    public required string Topic { get; init; }

    /// <summary>The whole message body (<c>topic</c>, <c>payload</c>, <c>headers</c> and added fields) as JSON.</summary>
    public required string MessageJson { get; init; }

    /// <summary>The bus message that started it.</summary>
    public string? OriginId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary><c>pending</c>, <c>replayed</c> or <c>discarded</c>.</summary>
    public string State { get; init; } = DeadLetterStates.Pending;

    public int ReplayCount { get; init; }
    public DateTimeOffset? ReplayedAt { get; init; }
}
