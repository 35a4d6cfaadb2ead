using System.Text.Json.Serialization;

namespace Luohu.Hub.Sdk.Plugins;

/// <summary>
/// The contents of <c>plugin.json</c>, beside the plugin's assembly:
/// <code>
/// { "id": "luohu.parking", "name": "Parking sensors", "vendor": "Luohu Parking Co.",
///   "version": "1.2.0", "sdk": "[1.0,2.0)", "assembly": "Luohu.Hub.Plugins.Parking.dll",
///   "entryType": "Luohu.Hub.Plugins.Parking.ParkingPlugin", "description": "..." }
/// </code>
/// </summary>
public sealed record PluginManifest
{
    /// <summary>Unique id: lower-case letters, digits, dots and dashes, e.g. <c>luohu.parking</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The vendor that ships the plugin.</summary>
    [JsonPropertyName("vendor")]
    public required string Vendor { get; init; }

    /// <summary>Semantic version of the plugin, e.g. <c>1.2.0</c>.</summary>
    [JsonPropertyName("version")]
    public required string Version { get; init; }

    /// <summary>The SDK versions the plugin supports, as a NuGet-style range (<c>[1.0,2.0)</c>) or a minimum (<c>1.0</c>).</summary>
    [JsonPropertyName("sdk")]
    public required string Sdk { get; init; }

    /// <summary>File name of the plugin's main assembly in its folder.</summary>
    [JsonPropertyName("assembly")]
    public required string Assembly { get; init; }

    /// <summary>Full name of the type implementing <see cref="IHubPlugin"/>.</summary>
    [JsonPropertyName("entryType")]
    public required string EntryType { get; init; }

    /// <summary>What the plugin does.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>
    /// Where the plugin asks to run: <c>"in-process"</c> (the default: inside the hub, fastest) or
    /// <c>"process"</c> (its own supervised, resource-limited child process, for code that may crash the
    /// process: native libraries, vendor SDKs). Ops may override it per plugin (<c>Hub:PluginHost:PluginIsolation:{id}</c>).
    /// The plugin's code is the same either way.
    /// </summary>
    [JsonPropertyName("isolation")]
    public string? Isolation { get; init; }
}
