using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Runtime.Plugins.Isolation;

// The messages between the hub and a plugin process, small records serialized by System.Text.Json. They
// live together because they are one protocol and change together; both ends are this assembly.

/// <summary>Hub → child: load the plugin in <see cref="Folder"/> with its configuration (relative keys).</summary>
internal sealed record LoadRequest(string Folder, Dictionary<string, string?> Configuration, int MaxEventBytes);

/// <summary>Child → hub: what the plugin registered, or why it could not be loaded.</summary>
internal sealed record LoadResult(PluginDescription? Plugin, PluginErrorKind ErrorKind, string? Error);

internal sealed record PluginDescription(RemoteAction[] Actions, RemoteSource[] Sources, string[] HealthChecks);

internal sealed record RemoteAction(string Capability, string Title, string? Description, string? Family, bool Sensitive, JsonElement InputSchema, JsonElement OutputSchema);

internal sealed record RemoteSource(string Id, string Title, string Topics, string? Description);

/// <summary>One action call's outcome: an output, the caller's mistake (<see cref="InvalidInput"/>), or the plugin's exception.</summary>
internal sealed record CallResult(JsonElement? Output, bool InvalidInput, string? Field, string? ErrorType, string? Error);

/// <summary>How an event source ended: null error when cancelled or returned.</summary>
internal sealed record SourceEnd(string? ErrorType, string? Error);

internal sealed record HealthResult(HealthStatus Status, string? Description);

/// <summary>Child → hub, in batches: one event of one source.</summary>
internal sealed record RemoteEvent(string Topic, byte[] Payload);
