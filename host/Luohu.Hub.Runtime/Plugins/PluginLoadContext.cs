using System.Reflection;
using System.Runtime.Loader;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// One collectible context per loaded plugin version. Dependencies resolve from the plugin's folder
/// (its <c>.deps.json</c>), except what <see cref="HostSharedAssemblies"/> says the host shares, which
/// falls through to the default context.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver resolver;

    public PluginLoadContext(string pluginId, string version, string mainAssemblyPath)
        : base($"plugin:{pluginId}@{version}", isCollectible: true)
    {
        resolver = new AssemblyDependencyResolver(mainAssemblyPath);
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (HostSharedAssemblies.IsShared(assemblyName) || HostSharedAssemblies.IsFramework(assemblyName.Name))
        {
            return null;
        }

        var path = resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
