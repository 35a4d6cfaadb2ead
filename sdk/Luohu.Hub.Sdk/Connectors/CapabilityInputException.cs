namespace Luohu.Hub.Sdk.Connectors;

/// <summary>
/// Thrown by a connector when its input is wrong (an unknown intersection, a phase out of range).
/// The host reports it to the caller as a client error naming <see cref="Field"/>, and does not count
/// it against the plugin's health.
/// </summary>
public sealed class CapabilityInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CapabilityInputException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was wrong and what to do, for a person.</param>
    public CapabilityInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">What was wrong and what to do, for a person.</param>
    /// <param name="innerException">The cause.</param>
    public CapabilityInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception naming the input field at fault.</summary>
    /// <param name="field">The JSON name of the input field, e.g. <c>intersectionId</c>.</param>
    /// <param name="message">What was wrong and what to do, for a person.</param>
    public CapabilityInputException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>The JSON name of the input field at fault, when one is.</summary>
    public string? Field { get; }
}
