namespace Luohu.Hub.Runtime.Hosting;

/// <summary>
/// The hub's top-level settings, bound from the <c>Hub</c> configuration section
/// (appsettings.json, <c>Hub__DataPath</c> environment variables, <c>--Hub:DataPath=...</c>).
/// </summary>
public sealed class HubOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Hub";

    /// <summary>
    /// The data folder: the embedded store, plugin state, key ring. Relative paths are resolved against the
    /// host's content root. Default <c>data</c>.
    /// </summary>
    public string DataPath { get; set; } = "data";

    /// <summary>
    /// Space the data folder keeps free for the audit log: an API change is refused (507) while less is left, so a
    /// change is never made that its audit entry could not follow. Default 16 MiB; 0 turns the check off.
    /// </summary>
    public long MinFreeBytes { get; set; } = 16L << 20;

    /// <summary>Where installed plugins live. Default <c>{DataPath}/plugins</c>.</summary>
    public string? PluginsPath { get; set; }

    /// <summary>
    /// Where the sample plugins shipped with the host are found; any of them not yet installed is installed at
    /// start. Default <c>bundled-plugins</c> beside the host's assembly. Set to an empty string to ship none.
    /// </summary>
    public string? BundledPluginsPath { get; set; }

    /// <summary>Resolves <see cref="DataPath"/> against <paramref name="contentRoot"/>.</summary>
    /// <param name="contentRoot">The host's content root.</param>
    public string ResolveDataPath(string contentRoot) => Path.GetFullPath(DataPath, contentRoot);

    /// <summary>Resolves <see cref="PluginsPath"/> (or its default) against <paramref name="contentRoot"/>.</summary>
    /// <param name="contentRoot">The host's content root.</param>
    public string ResolvePluginsPath(string contentRoot) =>
        string.IsNullOrWhiteSpace(PluginsPath)
            ? Path.Combine(ResolveDataPath(contentRoot), "plugins")
            : Path.GetFullPath(PluginsPath, contentRoot);

    /// <summary>Resolves <see cref="BundledPluginsPath"/> (or its default) against <paramref name="contentRoot"/>.</summary>
    /// <param name="contentRoot">The host's content root.</param>
    public string? ResolveBundledPluginsPath(string contentRoot) => BundledPluginsPath switch
    {
        null => Path.Combine(AppContext.BaseDirectory, "bundled-plugins"),
        "" => null,
        var path => Path.GetFullPath(path, contentRoot),
    };
}
