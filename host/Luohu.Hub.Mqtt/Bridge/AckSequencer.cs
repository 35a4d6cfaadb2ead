using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Mqtt.Bridge;

/// <summary>
/// The QoS 1 messages of one connection in arrival order. Many are processed at once, but PUBACKs leave in the order the
/// messages arrived, as MQTT (section 4.6) asks of a receiver: a settled message is acknowledged once every earlier one
/// is, by one sender loop, so acknowledgements never overtake each other. When the acknowledged prefix has not moved for
/// <see cref="MqttOptions.ProcessingTimeout"/> (a message is stuck, as in a long delay node, and holds back every later
/// acknowledgement), the messages older than the timeout are given up: acknowledged anyway, counted. Messages that are
/// merely old because the hub is behind, while the prefix keeps moving, are not given up: acknowledging them early would
/// let the broker send more than the hub can take and a crash would lose them.
/// </summary>
internal sealed class AckSequencer
{
    private readonly Queue<InboundDelivery> _pending = new();
    private readonly Lock _gate = new();
    private readonly Channel<InboundDelivery> _ready = Channel.CreateUnbounded<InboundDelivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger _logger;
    private readonly Task _sender;
    private readonly TimeProvider _time;
    private long _lastAdvanceAt;

    public AckSequencer(ILogger logger, TimeProvider time, CancellationToken stopping)
    {
        _logger = logger;
        _time = time;
        _sender = SendAsync(stopping);
    }

    /// <summary>Messages received and not yet acknowledged.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public void Add(InboundDelivery delivery)
    {
        lock (_gate)
        {
            _pending.Enqueue(delivery);
        }
    }

    /// <summary>Called when any delivery settled: moves the settled prefix to the sender.</summary>
    public void OnSettled()
    {
        var advanced = false;
        lock (_gate)
        {
            while (_pending.TryPeek(out var head) && head.IsSettled)
            {
                _ready.Writer.TryWrite(_pending.Dequeue());
                advanced = true;
            }

            if (advanced)
            {
                _lastAdvanceAt = _time.GetTimestamp();
            }
        }
    }

    /// <summary>
    /// When the oldest unacknowledged delivery has held the prefix for <paramref name="timeout"/> ticks (since it
    /// arrived or since the prefix last moved, whichever is later), gives up every delivery received more than
    /// <paramref name="timeout"/> ticks before <paramref name="now"/>; returns how many.
    /// </summary>
    public int GiveUpIfStalled(long now, long timeout)
    {
        List<InboundDelivery>? late = null;
        lock (_gate)
        {
            if (!_pending.TryPeek(out var head) || now - Math.Max(head.ReceivedAt, _lastAdvanceAt) < timeout)
            {
                return 0;
            }

            foreach (var delivery in _pending)
            {
                if (now - delivery.ReceivedAt < timeout)
                {
                    break;
                }

                if (!delivery.IsSettled)
                {
                    (late ??= []).Add(delivery);
                }
            }
        }

        foreach (var delivery in late ?? [])
        {
            delivery.GiveUp();
        }

        return late?.Count ?? 0;
    }

    /// <summary>Stops the sender; unacknowledged messages come again from the broker (persistent session).</summary>
    public Task CompleteAsync()
    {
        _ready.Writer.TryComplete();
        return _sender;
    }

    private async Task SendAsync(CancellationToken stopping)
    {
        await Task.Yield();
        try
        {
            await foreach (var delivery in _ready.Reader.ReadAllAsync(stopping))
            {
                try
                {
                    await delivery.Received.AcknowledgeAsync(stopping);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The connection it came on is gone: the broker sends the message again on the next one.
                    MqttLog.AckFailed(_logger, delivery.Received.ApplicationMessage.Topic, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
