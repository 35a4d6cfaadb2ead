namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>A vendor choice that cannot be made: an unknown capability (404) or a field naming no provider (400).</summary>
internal sealed class VendorChoiceException(string message, string? field, bool notFound = false) : Exception(message)
{
    public string? Field { get; } = field;

    public bool NotFound { get; } = notFound;
}
