using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Bus;

/// <inheritdoc cref="IMessageBus"/>
internal sealed class MessageBus : IMessageBus, IAsyncDisposable
{
    private readonly BusOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<MessageBus> _logger;
    private readonly BusCounters _counters = new();
    private readonly Lock _gate = new();
    private volatile SubscriptionIndex _index = SubscriptionIndex.Empty;
    private volatile bool _disposed;

    public MessageBus(IOptions<BusOptions> options, TimeProvider timeProvider, ILogger<MessageBus> logger)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public IMessageSubscription Subscribe(string topicFilter, Func<HubMessage, CancellationToken, ValueTask> handler, SubscriptionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var filter = TopicFilter.Parse(topicFilter);
        options ??= new SubscriptionOptions();
        if (options.Capacity < 1)
        {
            throw new ArgumentException($"Subscription on '{topicFilter}': Capacity must be at least 1 (was {options.Capacity}).", nameof(options));
        }

        if (options.MaxConcurrency < 1)
        {
            throw new ArgumentException($"Subscription on '{topicFilter}': MaxConcurrency must be at least 1 (was {options.MaxConcurrency}).", nameof(options));
        }

        var subscription = new Subscription(filter, handler, options, _counters, _options.DrainTimeout, _timeProvider, _logger, Remove);
        lock (_gate)
        {
            // Checked under the lock so that a subscription cannot slip in after DisposeAsync took its snapshot.
            ObjectDisposedException.ThrowIf(_disposed, this);
            _index = _index.With(subscription);
        }

        subscription.Start();

        BusLog.SubscriptionAdded(_logger, subscription.Name, filter.Filter, options.Capacity, options.OverflowPolicy, options.MaxConcurrency);
        return subscription;
    }

    public ValueTask PublishAsync(HubMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(_disposed, this);
        TopicFilter.ThrowIfInvalidTopic(message.Topic, nameof(message));
        Interlocked.Increment(ref _counters.Published);

        var index = _index;
        var byLevel = index.ForFirstLevel(message.Topic);
        var wildcard = index.Wildcard;
        var candidates = byLevel.Length + wildcard.Length;
        var matched = false;
        List<string>? rejected = null;
        for (var i = 0; i < candidates; i++)
        {
            var subscription = i < byLevel.Length ? byLevel[i] : wildcard[i - byLevel.Length];
            if (!subscription.Filter.Matches(message.Topic))
            {
                continue;
            }

            matched = true;
            switch (subscription.TryOffer(message))
            {
                case OfferResult.Rejected:
                    (rejected ??= []).Add(subscription.Name);
                    break;
                case OfferResult.MustWait:
                    return PublishSlowAsync(message, byLevel, wildcard, i, rejected, cancellationToken);
            }
        }

        return Complete(message, matched, rejected);
    }

    public BusStatistics GetStatistics() => new()
    {
        Published = Interlocked.Read(ref _counters.Published),
        Unmatched = Interlocked.Read(ref _counters.Unmatched),
        Delivered = Interlocked.Read(ref _counters.Delivered),
        Failures = Interlocked.Read(ref _counters.Failures),
        DroppedOldest = Interlocked.Read(ref _counters.DroppedOldest),
        DroppedNewest = Interlocked.Read(ref _counters.DroppedNewest),
        Rejected = Interlocked.Read(ref _counters.Rejected),
        DiscardedOnDispose = Interlocked.Read(ref _counters.DiscardedOnDispose),
        Subscriptions = _index.All.Length,
    };

    public IReadOnlyList<SubscriptionStatistics> ListSubscriptions() => [.. _index.All.Select(s => s.GetStatistics())];

    public async ValueTask DisposeAsync()
    {
        Subscription[] all;
        lock (_gate)
        {
            _disposed = true;
            all = _index.All;
        }

        await Task.WhenAll(all.Select(s => s.DisposeAsync().AsTask()));
    }

    private async ValueTask PublishSlowAsync(
        HubMessage message, Subscription[] byLevel, Subscription[] wildcard, int full, List<string>? rejected, CancellationToken cancellationToken)
    {
        // One queue was full under the Wait policy: wait for it, then offer the rest in the same order.
        var candidates = byLevel.Length + wildcard.Length;
        for (var i = full; i < candidates; i++)
        {
            var subscription = i < byLevel.Length ? byLevel[i] : wildcard[i - byLevel.Length];
            if (i != full && !subscription.Filter.Matches(message.Topic))
            {
                continue;
            }

            var result = i == full ? OfferResult.MustWait : subscription.TryOffer(message);
            if (result == OfferResult.MustWait)
            {
                await subscription.WriteWhenRoomAsync(message, cancellationToken);
            }
            else if (result == OfferResult.Rejected)
            {
                (rejected ??= []).Add(subscription.Name);
            }
        }

        await Complete(message, matched: true, rejected);
    }

    private ValueTask Complete(HubMessage message, bool matched, List<string>? rejected)
    {
        if (!matched)
        {
            Interlocked.Increment(ref _counters.Unmatched);
        }

        return rejected is null
            ? ValueTask.CompletedTask
            : ValueTask.FromException(new BusOverflowException(message.Topic, rejected));
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _index = _index.Without(subscription);
        }
    }
}
