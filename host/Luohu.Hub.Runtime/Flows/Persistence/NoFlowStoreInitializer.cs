namespace Luohu.Hub.Runtime.Flows.Persistence;

/// <summary>The in-memory stores need no preparation.</summary>
internal sealed class NoFlowStoreInitializer : IFlowStoreInitializer
{
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
