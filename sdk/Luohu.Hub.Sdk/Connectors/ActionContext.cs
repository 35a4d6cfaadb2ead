namespace Luohu.Hub.Sdk.Connectors;

/// <summary>Who is calling an action and in which flow; for the plugin's own logs and decisions.</summary>
public sealed record ActionContext
{
    /// <summary>The capability being invoked, e.g. <c>signal.set-phase</c>.</summary>
    public required string Capability { get; init; }

    /// <summary>An id that follows the request through the hub's logs and audit.</summary>
    public required string CorrelationId { get; init; }

    /// <summary>The calling department, when the call comes from a department's flow or key.</summary>
    public string? Department { get; init; }

    /// <summary>The calling flow, when there is one.</summary>
    public string? FlowId { get; init; }
}
