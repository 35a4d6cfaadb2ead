namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>A capability call that did not produce an output; the message is safe to show the caller.</summary>
internal sealed class CapabilityException : Exception
{
    public CapabilityException(CapabilityErrorKind kind, string capability, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        Capability = capability;
    }

    public CapabilityErrorKind Kind { get; }
    public string Capability { get; }

    /// <summary>The input field at fault (InvalidInput).</summary>
    public string? Field { get; init; }

    /// <summary>When to try again (Unavailable).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
