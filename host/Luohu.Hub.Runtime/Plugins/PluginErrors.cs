using Luohu.Hub.Runtime.Plugins.Isolation;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>How a plugin's failure is named in states, stats and errors, whichever process threw it.</summary>
internal static class PluginErrors
{
    public static string Describe(Exception exception) => exception switch
    {
        RemotePluginException remote => $"{remote.TypeName}: {remote.Message}",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}
