namespace Luohu.Hub.Runtime.Flows.Persistence;

/// <summary>Prepares the store before flows start (migrations); idempotent.</summary>
internal interface IFlowStoreInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
