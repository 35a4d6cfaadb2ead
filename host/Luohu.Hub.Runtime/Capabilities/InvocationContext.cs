namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>Who invokes a capability; grants and audit read it.</summary>
internal sealed record InvocationContext
{
    public required string CorrelationId { get; init; }
    public string? Department { get; init; }
    public string? FlowId { get; init; }

    /// <summary>The deployed version of <see cref="FlowId"/> making the call (audit).</summary>
    public int? FlowVersion { get; init; }

    /// <summary>The flow's node making the call (audit).</summary>
    public string? NodeId { get; init; }

    /// <summary>The outbox key of a call that changes the world; the same on every attempt of one intended call.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Ask a particular plugin to answer instead of the capability's first provider.</summary>
    public string? Provider { get; init; }
}
