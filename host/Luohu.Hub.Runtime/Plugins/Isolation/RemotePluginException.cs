namespace Luohu.Hub.Runtime.Plugins.Isolation;

/// <summary>An exception thrown by plugin code in its own process, carried back by type name and message.</summary>
internal sealed class RemotePluginException(string typeName, string message) : Exception(message)
{
    public string TypeName { get; } = typeName;
}
