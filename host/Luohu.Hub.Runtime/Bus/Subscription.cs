using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Bus;

/// <summary>One subscription: a bounded channel and <see cref="SubscriptionOptions.MaxConcurrency"/> consumer loops.</summary>
internal sealed class Subscription : IMessageSubscription
{
    private readonly Channel<HubMessage> _channel;
    private readonly Func<HubMessage, CancellationToken, ValueTask> _handler;
    private readonly SubscriptionOptions _options;
    private readonly SubscriptionCounters _counters;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Action<Subscription> _onDisposing;
    private readonly TimeSpan _drainTimeout;
    private readonly TimeProvider _timeProvider;
    private Task _loops = Task.CompletedTask;
    private readonly Lock _gate = new();
    private Task? _disposal;
    private volatile bool _closing;
    private int _overflowLogged;

    public Subscription(
        TopicFilter filter,
        Func<HubMessage, CancellationToken, ValueTask> handler,
        SubscriptionOptions options,
        BusCounters bus,
        TimeSpan drainTimeout,
        TimeProvider timeProvider,
        ILogger logger,
        Action<Subscription> onDisposing)
    {
        Filter = filter;
        Name = options.Name ?? filter.Filter;
        _handler = handler;
        _options = options;
        _counters = new SubscriptionCounters(bus);
        _drainTimeout = drainTimeout;
        _timeProvider = timeProvider;
        _logger = logger;
        _onDisposing = onDisposing;
        var channelOptions = new BoundedChannelOptions(options.Capacity)
        {
            // Not SingleReader even at concurrency 1: a timed-out drain empties the queue beside a handler that ignored cancellation.
            SingleReader = false,
            SingleWriter = false,
            FullMode = options.OverflowPolicy switch
            {
                OverflowPolicy.DropOldest => BoundedChannelFullMode.DropOldest,
                OverflowPolicy.DropNewest => BoundedChannelFullMode.DropWrite,
                _ => BoundedChannelFullMode.Wait,
            },
        };
        _channel = Channel.CreateBounded<HubMessage>(channelOptions, OnItemDropped);
    }

    public TopicFilter Filter { get; }

    public string Name { get; }

    public void Start()
    {
        var loops = new Task[_options.MaxConcurrency];
        for (var i = 0; i < loops.Length; i++)
        {
            loops[i] = Task.Run(() => ConsumeAsync(_stopping.Token));
        }

        _loops = Task.WhenAll(loops);
    }

    /// <summary>
    /// Offers a message without waiting. A subscription that is closing swallows it silently; a full one
    /// answers by its policy (drops happen inside the channel and are counted by <see cref="OnItemDropped"/>).
    /// </summary>
    public OfferResult TryOffer(HubMessage message)
    {
        if (_channel.Writer.TryWrite(message))
        {
            _counters.OnDepth(_channel.Reader.Count);
            return OfferResult.Accepted;
        }

        if (_closing)
        {
            return OfferResult.Accepted;
        }

        if (_options.OverflowPolicy == OverflowPolicy.Reject)
        {
            _counters.OnRejected();
            LogOverflowOnce();
            return OfferResult.Rejected;
        }

        return OfferResult.MustWait;
    }

    /// <summary>The back-pressure path: waits for room in the queue.</summary>
    public async ValueTask WriteWhenRoomAsync(HubMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _channel.Writer.WriteAsync(message, cancellationToken);
            _counters.OnDepth(_channel.Reader.Count);
        }
        catch (ChannelClosedException)
        {
            // Disposed while the publisher waited: the subscriber is gone, so is its interest in the message.
        }
    }

    public SubscriptionStatistics GetStatistics() => new()
    {
        Name = Name,
        Filter = Filter.Filter,
        Capacity = _options.Capacity,
        OverflowPolicy = _options.OverflowPolicy,
        MaxConcurrency = _options.MaxConcurrency,
        QueueDepth = _channel.Reader.Count,
        PeakQueueDepth = _counters.PeakDepth,
        Delivered = _counters.Delivered,
        Failures = _counters.Failures,
        Dropped = _counters.Dropped,
        Rejected = _counters.Rejected,
    };

    public ValueTask DisposeAsync()
    {
        // Several callers (the owner, the bus on shutdown) may dispose; all wait for the one drain.
        lock (_gate)
        {
            if (_disposal is null)
            {
                _closing = true;
                _disposal = DrainAsync();
            }

            return new ValueTask(_disposal);
        }
    }

    private async Task DrainAsync()
    {
        _onDisposing(this);
        _channel.Writer.TryComplete();
        try
        {
            await _loops.WaitAsync(_drainTimeout, _timeProvider);
        }
        catch (TimeoutException)
        {
            await _stopping.CancelAsync();
            long discarded = 0;
            while (_channel.Reader.TryRead(out _))
            {
                discarded++;
            }

            _counters.OnDiscardedOnDispose(discarded);
            BusLog.DrainTimedOut(_logger, Name, _drainTimeout, discarded);
            return;
        }

        _stopping.Dispose();
        BusLog.SubscriptionRemoved(_logger, Name);
    }

    private async Task ConsumeAsync(CancellationToken cancellationToken)
    {
        var reader = _channel.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                while (!cancellationToken.IsCancellationRequested && reader.TryRead(out var message))
                {
                    await HandleAsync(message, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Drain timed out; DrainAsync accounts for what was left.
        }
    }

    private async ValueTask HandleAsync(HubMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _handler(message, cancellationToken);
            _counters.OnDelivered();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A handler's failure must never end the loop: it is counted and logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _counters.OnFailed();
            BusLog.HandlerFailed(_logger, ex, Name, message.Id, message.Topic);
        }
    }

    private void OnItemDropped(HubMessage message)
    {
        _counters.OnDropped(_options.OverflowPolicy);
        LogOverflowOnce();
    }

    private void LogOverflowOnce()
    {
        if (Interlocked.Exchange(ref _overflowLogged, 1) == 0)
        {
            BusLog.Overflowing(_logger, Name, _options.Capacity, _options.OverflowPolicy);
        }
    }
}
