namespace Luohu.Hub.Runtime.Capabilities;

internal enum CapabilityErrorKind
{
    /// <summary>No running plugin offers it (404).</summary>
    NotFound,

    /// <summary>The input does not fit the schema or the plugin rejected it (400).</summary>
    InvalidInput,

    /// <summary>The caller may not use it (403).</summary>
    Denied,

    /// <summary>The circuit is open or the provider is not running (503, with Retry-After).</summary>
    Unavailable,

    /// <summary>The plugin did not answer in time (504).</summary>
    Timeout,

    /// <summary>The plugin threw (502).</summary>
    Failed,

    /// <summary>The isolated plugin's process died while the call was in flight; its effect is unknown (502).</summary>
    ProcessExited,
}
