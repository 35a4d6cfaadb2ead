namespace Luohu.Hub.Runtime.Plugins;

/// <summary>An event source a plugin registered; the type is the plugin's own and dies with it.</summary>
internal sealed record EventSourceRegistration(string Id, string Title, string Topics, string? Description, Type SourceType);
