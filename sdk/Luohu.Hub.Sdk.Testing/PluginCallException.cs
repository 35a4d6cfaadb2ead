namespace Luohu.Hub.Sdk.Testing;

/// <summary>An action call the hub refused or the plugin failed, with the hub's error kind.</summary>
public sealed class PluginCallException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PluginCallException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The hub's message.</param>
    public PluginCallException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The hub's message.</param>
    /// <param name="innerException">The cause.</param>
    public PluginCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the hub's error kind and the input field at fault.</summary>
    /// <param name="kind">NotFound, InvalidInput, Denied, Unavailable, Timeout, Failed or ProcessExited (the HTTP API maps them to 404, 400, 403, 503, 504, 502, 502).</param>
    /// <param name="field">The JSON input field at fault, for InvalidInput.</param>
    /// <param name="message">The hub's message.</param>
    public PluginCallException(string kind, string? field, string message)
        : base(message)
    {
        Kind = kind;
        Field = field;
    }

    /// <summary>The hub's error kind, e.g. <c>InvalidInput</c>.</summary>
    public string Kind { get; } = "Failed";

    /// <summary>The input field at fault, when the hub names one.</summary>
    public string? Field { get; }
}
