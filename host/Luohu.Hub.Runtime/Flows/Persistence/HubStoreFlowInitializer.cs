using Luohu.Hub.Runtime.Storage;

namespace Luohu.Hub.Runtime.Flows.Persistence;

/// <summary>Waits for the hub's store to be ready before flows read it; the store initializes once, whoever asks first.</summary>
internal sealed class HubStoreFlowInitializer(StoreInitialization store) : IFlowStoreInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken) => await store.EnsureAsync(cancellationToken);
}
