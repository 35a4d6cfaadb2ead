namespace Luohu.Hub.Runtime.Security;

/// <summary>The grants in memory: read on every call without a database round trip, reloaded after each change.</summary>
internal interface IGrantCache
{
    GrantSet Current { get; }

    Task ReloadAsync(CancellationToken cancellationToken);
}
