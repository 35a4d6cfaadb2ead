using System.Reflection;
using System.Runtime.Loader;
using Luohu.Hub.Sdk.Plugins;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// Walks the plugin's assembly references at install time, so a missing dll fails the install with its
/// name instead of failing the first call that happens to touch it.
/// </summary>
internal static class PluginDependencyChecker
{
    public static void Check(PluginManifest manifest, Assembly main, AssemblyLoadContext context)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { main.GetName().Name! };
        var pending = new Queue<(Assembly Assembly, string Chain)>();
        pending.Enqueue((main, main.GetName().Name!));
        while (pending.Count > 0)
        {
            var (assembly, chain) = pending.Dequeue();
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is null || !seen.Add(reference.Name))
                {
                    continue;
                }

                Assembly loaded;
                try
                {
                    loaded = context.LoadFromAssemblyName(reference);
                }
                catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    var where = AssemblyLoadContext.Default.Assemblies.Any(a => string.Equals(a.GetName().Name, reference.Name, StringComparison.OrdinalIgnoreCase))
                        ? "The hub shares this assembly and does not have that version; build the plugin against the hub's versions."
                        : "Add it to the plugin folder (publish the plugin with its dependencies and its .deps.json).";
                    throw new PluginOperationException(PluginErrorKind.InvalidPackage, $"Plugin '{manifest.Id}' is missing the dependency {reference.FullName} (needed by {chain}). {where}", ex);
                }

                // What the loader resolved to the host is complete by construction; only the plugin's own graph needs walking.
                if (AssemblyLoadContext.GetLoadContext(loaded) == context)
                {
                    pending.Enqueue((loaded, $"{chain} → {reference.Name}"));
                }
            }
        }
    }
}
