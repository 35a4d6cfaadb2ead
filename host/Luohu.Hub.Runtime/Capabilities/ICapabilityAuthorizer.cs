namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>Decides whether a caller may invoke a capability; the security feature replaces the allow-all default.</summary>
internal interface ICapabilityAuthorizer
{
    /// <summary>Returns null when allowed, else why not (shown to the caller).</summary>
    ValueTask<string?> AuthorizeAsync(string capability, string providerId, InvocationContext context, CancellationToken cancellationToken);
}
