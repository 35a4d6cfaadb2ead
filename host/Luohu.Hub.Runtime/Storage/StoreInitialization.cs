namespace Luohu.Hub.Runtime.Storage;

/// <summary>
/// Runs the registered <see cref="IHubStoreInitializer"/> (migrations, then whatever decorates it: seeding, caches)
/// once per process, however many parts ask for it: the hub's start-up service and the flow host both do.
/// </summary>
internal sealed class StoreInitialization(IHubStoreInitializer initializer)
{
    private readonly Lazy<Task<int>> once = new(() => initializer.InitializeAsync(CancellationToken.None).AsTask());

    /// <summary>Completes when the store is ready; a failed initialization fails every caller alike.</summary>
    public Task<int> EnsureAsync(CancellationToken cancellationToken) => once.Value.WaitAsync(cancellationToken);
}
