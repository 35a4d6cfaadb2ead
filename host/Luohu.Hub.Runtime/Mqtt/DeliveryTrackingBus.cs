using System.Collections.Immutable;
using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Runtime.Mqtt;

/// <summary>
/// The bus as everyone sees it while the bridge runs with <see cref="MqttInboundAck.AfterProcessing"/>: it counts, for
/// a followed message, how many subscriptions it is handed to, and settles one count when each handler returns.
/// Untracked messages pass straight through. Subscriptions added or removed while a followed message is being
/// published can make its count off by one (settled early or at the processing timeout).
/// </summary>
internal sealed class DeliveryTrackingBus(MessageBus inner, MqttDeliveryTracker tracker) : IMessageBus
{
    private readonly Lock _gate = new();
    private ImmutableArray<TopicFilter> _filters = [];

    public IMessageSubscription Subscribe(string topicFilter, Func<HubMessage, CancellationToken, ValueTask> handler, SubscriptionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var filter = TopicFilter.Parse(topicFilter);
        var subscription = inner.Subscribe(topicFilter, (message, ct) => HandleAsync(handler, message, ct), options);
        lock (_gate)
        {
            _filters = _filters.Add(filter);
        }

        return new TrackedSubscription(subscription, () =>
        {
            lock (_gate)
            {
                _filters = _filters.Remove(filter);
            }
        });
    }

    public ValueTask PublishAsync(HubMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (tracker.TokenOf(message) is { } token)
        {
            var matching = 0;
            foreach (var filter in _filters)
            {
                if (filter.Matches(message.Topic))
                {
                    matching++;
                }
            }

            tracker.Hold(token, matching);
        }

        return inner.PublishAsync(message, cancellationToken);
    }

    public BusStatistics GetStatistics() => inner.GetStatistics();

    public IReadOnlyList<SubscriptionStatistics> ListSubscriptions() => inner.ListSubscriptions();

    private async ValueTask HandleAsync(Func<HubMessage, CancellationToken, ValueTask> handler, HubMessage message, CancellationToken cancellationToken)
    {
        var token = tracker.TokenOf(message);
        try
        {
            await handler(message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (token is not null)
            {
                tracker.Release(token);
            }
        }
    }
}
