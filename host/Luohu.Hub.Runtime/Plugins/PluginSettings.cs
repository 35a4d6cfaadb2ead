namespace Luohu.Hub.Runtime.Plugins;

/// <summary>What ops decided about an installed plugin; survives restarts.</summary>
internal sealed record PluginSettings
{
    public required string PluginId { get; init; }

    /// <summary>False when ops disabled it: it is not started at the next start either.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Set when the hub quarantined it; cleared by an enable or a reload.</summary>
    public string? QuarantineReason { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
