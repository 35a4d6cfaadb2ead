using System.Reflection;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// The one list of assemblies a plugin shares with the host instead of loading its own copy. Sharing is
/// what makes a plugin's <c>IHubPlugin</c>, <c>IServiceCollection</c> or <c>ILogger</c> the same type the
/// host knows; a private copy would load beside it and every cast across the boundary would fail.
/// </summary>
internal static class HostSharedAssemblies
{
    public const string SdkAssemblyName = "Luohu.Hub.Sdk";

    private const string ExtensionsPrefix = "Microsoft.Extensions.";

    /// <summary>True for the SDK and every <c>Microsoft.Extensions.*</c> assembly (abstractions and implementations alike).</summary>
    public static bool IsShared(AssemblyName name) => IsShared(name.Name);

    public static bool IsShared(string? simpleName) =>
        simpleName is not null
        && (string.Equals(simpleName, SdkAssemblyName, StringComparison.OrdinalIgnoreCase)
            || simpleName.StartsWith(ExtensionsPrefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Framework assemblies come from the shared framework through the default context, whatever a plugin
    /// folder carries; they are recognised by being part of the running framework's trusted platform list.
    /// </summary>
    public static bool IsFramework(string? simpleName) =>
        simpleName is not null && FrameworkNames.Value.Contains(simpleName);

    private static readonly Lazy<HashSet<string>> FrameworkNames = new(LoadFrameworkNames);

    private static HashSet<string> LoadFrameworkNames()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
        {
            var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
            foreach (var path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                if (frameworkDir is not null && string.Equals(Path.GetDirectoryName(path), frameworkDir, StringComparison.Ordinal))
                {
                    names.Add(Path.GetFileNameWithoutExtension(path));
                }
            }
        }

        return names;
    }
}
