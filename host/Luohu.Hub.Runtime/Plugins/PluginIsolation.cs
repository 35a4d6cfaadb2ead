namespace Luohu.Hub.Runtime.Plugins;

/// <summary>The two places a plugin's code runs, as plugin.json (<c>isolation</c>) and ops (<c>Hub:PluginHost:PluginIsolation</c>) name them.</summary>
internal static class PluginIsolation
{
    public const string InProcess = "in-process";

    public const string Process = "process";

    public static bool IsKnown(string? value) => value is InProcess or Process;

    /// <summary>Ops' setting wins over the manifest's wish; without either, in process.</summary>
    public static bool RunsIsolated(Sdk.Plugins.PluginManifest manifest, PluginOptions options) =>
        (options.PluginIsolation.TryGetValue(manifest.Id, out var chosen) ? chosen : manifest.Isolation) == Process;
}
