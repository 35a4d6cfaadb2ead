using Luohu.Hub.Runtime.Capabilities;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>One connector of a plugin with its call metrics.</summary>
internal sealed record ConnectorSnapshot
{
    public required string Id { get; init; }
    public required ConnectorKind Kind { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }

    /// <summary>The family interface it comes from (e.g. <c>ISignalController</c>), when it is a standard capability.</summary>
    public string? Family { get; init; }
    public required ConnectorMetrics Metrics { get; init; }
}
