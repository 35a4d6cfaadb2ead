using Luohu.Hub.Runtime.Capabilities;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>An installed plugin at one moment: what the API and the designer show.</summary>
internal sealed record PluginSnapshot
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Vendor { get; init; }
    public required string Version { get; init; }
    public string? Description { get; init; }

    /// <summary>Where its code runs: "in-process" or "process" (its own supervised child process).</summary>
    public required string Isolation { get; init; }
    public required PluginState State { get; init; }

    /// <summary>Why the plugin is in its state, for a person (null when Running and well).</summary>
    public string? Reason { get; init; }

    /// <summary>Healthy, Degraded or Unhealthy, from the plugin's health checks and its connectors' errors.</summary>
    public required string Health { get; init; }
    public required DateTimeOffset StateChangedAt { get; init; }
    public required IReadOnlyList<ConnectorSnapshot> Connectors { get; init; }
}
