using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Runtime.Mqtt;

/// <summary>A subscription of <see cref="DeliveryTrackingBus"/>: forgets its filter when disposed.</summary>
internal sealed class TrackedSubscription(IMessageSubscription inner, Action onDisposed) : IMessageSubscription
{
    public TopicFilter Filter => inner.Filter;

    public string Name => inner.Name;

    public SubscriptionStatistics GetStatistics() => inner.GetStatistics();

    public ValueTask DisposeAsync()
    {
        onDisposed();
        return inner.DisposeAsync();
    }
}
