using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Bus;

/// <summary>
/// One subscription: bounded lanes and their consumer loops. Without an order key one lane is read by
/// <see cref="SubscriptionOptions.MaxConcurrency"/> loops; with one, each of that many lanes has its own loop and a
/// message goes to the lane of its key, so equal keys keep their order and different keys run side by side.
/// A message's <see cref="HubMessage.Delivery"/> is held from the moment it is queued until its handler returned,
/// or until it was shed or discarded.
/// </summary>
internal sealed class Subscription : IMessageSubscription
{
    private readonly Channel<HubMessage>[] _lanes;
    private readonly Func<HubMessage, CancellationToken, ValueTask> _handler;
    private readonly SubscriptionOptions _options;
    private readonly Func<HubMessage, int>? _orderKey;
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
        _orderKey = options.MaxConcurrency > 1 ? options.OrderKey : null;
        _counters = new SubscriptionCounters(bus);
        _drainTimeout = drainTimeout;
        _timeProvider = timeProvider;
        _logger = logger;
        _onDisposing = onDisposing;
        var channelOptions = new BoundedChannelOptions(options.Capacity)
        {
            // Not SingleReader even with one loop per lane: a timed-out drain empties the lane beside a handler that ignored cancellation.
            SingleReader = false,
            SingleWriter = false,
            FullMode = options.OverflowPolicy switch
            {
                OverflowPolicy.DropOldest => BoundedChannelFullMode.DropOldest,
                OverflowPolicy.DropNewest => BoundedChannelFullMode.DropWrite,
                _ => BoundedChannelFullMode.Wait,
            },
        };
        _lanes = new Channel<HubMessage>[_orderKey is null ? 1 : options.MaxConcurrency];
        for (var i = 0; i < _lanes.Length; i++)
        {
            _lanes[i] = Channel.CreateBounded<HubMessage>(channelOptions, OnItemDropped);
        }
    }

    public TopicFilter Filter { get; }

    public string Name { get; }

    public void Start()
    {
        var loops = new Task[_options.MaxConcurrency];
        for (var i = 0; i < loops.Length; i++)
        {
            var lane = _lanes[_lanes.Length == 1 ? 0 : i];
            loops[i] = Task.Run(() => ConsumeAsync(lane.Reader, _stopping.Token));
        }

        _loops = Task.WhenAll(loops);
    }

    /// <summary>
    /// Offers a message without waiting. A subscription that is closing swallows it silently; a full one
    /// answers by its policy (drops happen inside the channel and are counted by <see cref="OnItemDropped"/>).
    /// </summary>
    public OfferResult TryOffer(HubMessage message)
    {
        var lane = LaneOf(message);
        message.Delivery?.Hold();
        if (lane.Writer.TryWrite(message))
        {
            _counters.OnDepth(lane.Reader.Count);
            return OfferResult.Accepted;
        }

        message.Delivery?.Release();
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

    /// <summary>The back-pressure path: waits for room in the message's lane.</summary>
    public async ValueTask WriteWhenRoomAsync(HubMessage message, CancellationToken cancellationToken)
    {
        var lane = LaneOf(message);
        message.Delivery?.Hold();
        try
        {
            await lane.Writer.WriteAsync(message, cancellationToken);
            _counters.OnDepth(lane.Reader.Count);
        }
        catch (ChannelClosedException)
        {
            // Disposed while the publisher waited: the subscriber is gone, so is its interest in the message.
            message.Delivery?.Release();
        }
        catch (OperationCanceledException)
        {
            message.Delivery?.Release();
            throw;
        }
    }

    public SubscriptionStatistics GetStatistics() => new()
    {
        Name = Name,
        Filter = Filter.Filter,
        Capacity = _options.Capacity,
        OverflowPolicy = _options.OverflowPolicy,
        MaxConcurrency = _options.MaxConcurrency,
        QueueDepth = _lanes.Sum(l => l.Reader.Count),
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

    private Channel<HubMessage> LaneOf(HubMessage message) =>
        _orderKey is null ? _lanes[0] : _lanes[(int)((uint)_orderKey(message) % (uint)_lanes.Length)];

    private async Task DrainAsync()
    {
        _onDisposing(this);
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }

        try
        {
            await _loops.WaitAsync(_drainTimeout, _timeProvider);
        }
        catch (TimeoutException)
        {
            await _stopping.CancelAsync();
            long discarded = 0;
            foreach (var lane in _lanes)
            {
                while (lane.Reader.TryRead(out var left))
                {
                    left.Delivery?.Release();
                    discarded++;
                }
            }

            _counters.OnDiscardedOnDispose(discarded);
            BusLog.DrainTimedOut(_logger, Name, _drainTimeout, discarded);
            return;
        }

        _stopping.Dispose();
        BusLog.SubscriptionRemoved(_logger, Name);
    }

    private async Task ConsumeAsync(ChannelReader<HubMessage> reader, CancellationToken cancellationToken)
    {
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
        finally
        {
            message.Delivery?.Release();
        }
    }

    private void OnItemDropped(HubMessage message)
    {
        message.Delivery?.Release();
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
