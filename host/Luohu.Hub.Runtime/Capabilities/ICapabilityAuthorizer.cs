using System.Text.Json;

namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>Decides whether a caller may invoke a capability; the security feature replaces the allow-all default.</summary>
internal interface ICapabilityAuthorizer
{
    /// <summary>Returns null when allowed, else why not (shown to the caller).</summary>
    ValueTask<string?> AuthorizeAsync(string capability, string providerId, InvocationContext context, CancellationToken cancellationToken);

    /// <summary>
    /// The same with the call's input, for grants narrowed to device groups named in it (<c>deviceGroup</c>).
    /// The invoker calls this one; the default ignores the input.
    /// </summary>
    ValueTask<string?> AuthorizeAsync(string capability, string providerId, JsonElement input, InvocationContext context, CancellationToken cancellationToken) =>
        AuthorizeAsync(capability, providerId, context, cancellationToken);

    /// <summary>
    /// The device groups the caller may see in the answer of a device listing called without naming a group
    /// (<see cref="DeviceListing"/>); null for every group. The default sees every group.
    /// </summary>
    ValueTask<IReadOnlySet<string>?> VisibleDeviceGroupsAsync(string capability, InvocationContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlySet<string>?>(null);
}
