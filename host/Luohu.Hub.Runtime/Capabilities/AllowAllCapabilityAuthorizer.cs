namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>The default until grants exist: everyone may call everything.</summary>
internal sealed class AllowAllCapabilityAuthorizer : ICapabilityAuthorizer
{
    public ValueTask<string?> AuthorizeAsync(string capability, string providerId, InvocationContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>(null);
}
