using System.Reflection;
using System.Reflection.Metadata;
using System.Text.Json;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// Clears framework caches that hold plugin types after the plugin is gone. System.Text.Json keeps the
/// reflection-emitted accessors it built for a plugin's records in a process-wide cache that only evicts
/// when it is next used, which can pin an unloaded plugin indefinitely. The framework exposes the clearing
/// to hot reload through <see cref="MetadataUpdateHandlerAttribute"/>; we call the same handler.
/// </summary>
internal static class FrameworkCaches
{
    private static readonly Action<Type[]?>[] Handlers = [.. FindHandlers(typeof(JsonSerializerOptions).Assembly)];

    public static void Clear()
    {
        foreach (var handler in Handlers)
        {
            handler(null);
        }
    }

    private static IEnumerable<Action<Type[]?>> FindHandlers(Assembly assembly)
    {
        foreach (var attribute in assembly.GetCustomAttributes<MetadataUpdateHandlerAttribute>())
        {
            var method = attribute.HandlerType.GetMethod("ClearCache", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(Type[])]);
            if (method is not null)
            {
                yield return method.CreateDelegate<Action<Type[]?>>();
            }
        }
    }
}
