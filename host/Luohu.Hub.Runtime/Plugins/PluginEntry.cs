using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Sdk.Plugins;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// The manager's record of one installed plugin id across its versions and loads. Fields change under
/// the id's operation gate (structural changes) or under <see cref="Sync"/> (state from supervisors and calls).
/// </summary>
internal sealed class PluginEntry(string id, long order)
{
    public string Id { get; } = id;

    /// <summary>Install order: the first installed provider of a capability answers by default.</summary>
    public long Order { get; } = order;

    public Lock Sync { get; } = new();

    public required PluginManifest Manifest { get; set; }

    public required string Folder { get; set; }

    public LoadedPlugin? Active { get; set; }

    /// <summary>The version being taken down. Kept here, not in a local, so no async frame holds it while its unload is confirmed.</summary>
    public LoadedPlugin? Retiring { get; set; }

    /// <summary>The state an operation put the plugin in; Degraded is derived on top of Running.</summary>
    public PluginState BaseState { get; set; } = PluginState.Loading;

    public string? BaseReason { get; set; }

    /// <summary>The state last announced through <c>StateChanged</c>.</summary>
    public PluginState Published { get; set; } = PluginState.Loading;

    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>A lasting remark, e.g. that the previous version's unload was not confirmed.</summary>
    public string? Note { get; set; }

    public Dictionary<string, string> RestartingSources { get; } = new(StringComparer.Ordinal);

    public List<DateTimeOffset> SourceFaults { get; } = [];

    /// <summary>Set while an isolated plugin's process is down and being restarted: why, and when it comes back.</summary>
    public string? ProcessDown { get; set; }

    public List<DateTimeOffset> ProcessCrashes { get; } = [];

    /// <summary>Connector ids and kinds of the last load, so a disabled plugin's capabilities answer Unavailable, not NotFound.</summary>
    public IReadOnlyList<(string Id, ConnectorKind Kind, string Title)> KnownConnectors { get; set; } = [];

    public string HealthStatus { get; set; } = "Healthy";

    public string? HealthDescription { get; set; }
}
