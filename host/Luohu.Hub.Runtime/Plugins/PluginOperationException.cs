namespace Luohu.Hub.Runtime.Plugins;

/// <summary>A plugin operation that could not be done; the message says what and what to do.</summary>
internal sealed class PluginOperationException : Exception
{
    public PluginOperationException(PluginErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    public PluginErrorKind Kind { get; }
}
