namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>Who invokes a capability; grants and audit read it.</summary>
internal sealed record InvocationContext
{
    public required string CorrelationId { get; init; }
    public string? Department { get; init; }
    public string? FlowId { get; init; }

    /// <summary>Ask a particular plugin to answer instead of the capability's first provider.</summary>
    public string? Provider { get; init; }
}
