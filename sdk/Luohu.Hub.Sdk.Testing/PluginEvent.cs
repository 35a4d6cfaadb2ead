using System.Text.Json;

namespace Luohu.Hub.Sdk.Testing;

/// <summary>One event a plugin's source emitted, as the hub's bus received it.</summary>
/// <param name="Topic">The concrete topic, e.g. <c>sensors/parking/LH-0042/occupancy</c>.</param>
/// <param name="Payload">The JSON payload.</param>
public sealed record PluginEvent(string Topic, JsonElement Payload);
