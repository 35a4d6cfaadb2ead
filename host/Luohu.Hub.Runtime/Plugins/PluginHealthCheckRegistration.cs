namespace Luohu.Hub.Runtime.Plugins;

/// <summary>A health check a plugin registered.</summary>
internal sealed record PluginHealthCheckRegistration(string Name, Type CheckType);
