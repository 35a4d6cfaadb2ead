namespace Luohu.Hub.Runtime.Bus;

/// <summary>One subscription's counters; every change also moves the bus-wide total.</summary>
internal sealed class SubscriptionCounters
{
    private readonly BusCounters _bus;
    private long _delivered;
    private long _failures;
    private long _dropped;
    private long _rejected;
    private int _peakDepth;

    public SubscriptionCounters(BusCounters bus)
    {
        _bus = bus;
    }

    public long Delivered => Interlocked.Read(ref _delivered);
    public long Failures => Interlocked.Read(ref _failures);
    public long Dropped => Interlocked.Read(ref _dropped);
    public long Rejected => Interlocked.Read(ref _rejected);
    public int PeakDepth => Volatile.Read(ref _peakDepth);

    public void OnDelivered()
    {
        Interlocked.Increment(ref _delivered);
        Interlocked.Increment(ref _bus.Delivered);
    }

    public void OnFailed()
    {
        Interlocked.Increment(ref _failures);
        Interlocked.Increment(ref _bus.Failures);
    }

    public void OnRejected()
    {
        Interlocked.Increment(ref _rejected);
        Interlocked.Increment(ref _bus.Rejected);
    }

    public void OnDropped(OverflowPolicy policy)
    {
        Interlocked.Increment(ref _dropped);
        Interlocked.Increment(ref policy == OverflowPolicy.DropOldest ? ref _bus.DroppedOldest : ref _bus.DroppedNewest);
    }

    public void OnDiscardedOnDispose(long count)
    {
        Interlocked.Add(ref _dropped, count);
        Interlocked.Add(ref _bus.DiscardedOnDispose, count);
    }

    public void OnDepth(int depth)
    {
        var peak = Volatile.Read(ref _peakDepth);
        while (depth > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakDepth, depth, peak);
            if (seen == peak)
            {
                return;
            }

            peak = seen;
        }
    }
}
