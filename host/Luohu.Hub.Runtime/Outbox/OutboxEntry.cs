namespace Luohu.Hub.Runtime.Outbox;

/// <summary>
/// One intended call of a capability that changes the world: recorded before the call, its result after. The key is
/// what the provider sees as the idempotency key on every attempt.
/// </summary>
internal sealed record OutboxEntry
{
    public required string Key { get; init; }
    public required string Capability { get; init; }
    public required string FlowId { get; init; }
    public required int FlowVersion { get; init; }
    public required string NodeId { get; init; }

    /// <summary>The triggering message's identity: its <c>idempotency-key</c> header, else its id.</summary>
    public required string MessageId { get; init; }
    public string? Department { get; init; }
    public string? Provider { get; init; }
    public required string CorrelationId { get; init; }

    /// <summary>The input as sent (JSON), the idempotency key filled in; every attempt sends exactly this.</summary>
    public required string Input { get; init; }
    public required string State { get; init; }
    public int Attempts { get; init; }

    /// <summary>The output (JSON) once completed, or what ops recorded when resolving.</summary>
    public string? Result { get; init; }
    public string? LastError { get; init; }

    /// <summary>Ops' note and name when resolved.</summary>
    public string? ResolvedBy { get; init; }
    public string? ResolutionNote { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}
