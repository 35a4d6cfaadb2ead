namespace Luohu.Hub.Runtime.Plugins;

internal enum PluginErrorKind
{
    /// <summary>No plugin with that id (404).</summary>
    NotFound,

    /// <summary>The package is unusable: manifest, SDK range, zip paths, assemblies, entry type (400).</summary>
    InvalidPackage,

    /// <summary>The operation conflicts with the plugin's state or another install (409).</summary>
    Conflict,
}
