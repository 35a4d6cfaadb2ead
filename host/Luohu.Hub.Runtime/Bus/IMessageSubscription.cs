namespace Luohu.Hub.Runtime.Bus;

/// <summary>
/// A live subscription. Disposing it stops new messages at once, then waits (up to
/// <see cref="BusOptions.DrainTimeout"/>) for queued and in-flight ones to be handled.
/// </summary>
internal interface IMessageSubscription : IAsyncDisposable
{
    TopicFilter Filter { get; }

    string Name { get; }

    SubscriptionStatistics GetStatistics();
}
