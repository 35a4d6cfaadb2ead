using Luohu.Hub.Runtime.Storage;

namespace Luohu.Hub.Runtime.Flows.Persistence;

/// <summary>Migrates the hub's store before flows read it (idempotent, so it does not matter that the host also does).</summary>
internal sealed class HubStoreFlowInitializer(IHubStoreInitializer initializer) : IFlowStoreInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken) => await initializer.InitializeAsync(cancellationToken);
}
