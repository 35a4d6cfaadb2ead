namespace Luohu.Hub.Runtime.Security;

/// <summary><see cref="IGrantCache"/> over the store; a reload swaps the whole snapshot at once.</summary>
internal sealed class GrantCache(ISecurityStore store) : IGrantCache
{
    private volatile GrantSet _current = GrantSet.Empty;

    public GrantSet Current => _current;

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        _current = new GrantSet(await store.ListGrantsAsync(cancellationToken));
}
