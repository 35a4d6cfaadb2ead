namespace Luohu.Hub.Runtime.Bus;

/// <summary>Bus-wide counters; fields so that <see cref="Interlocked"/> can update them.</summary>
internal sealed class BusCounters
{
    public long Published;
    public long Unmatched;
    public long Delivered;
    public long Failures;
    public long DroppedOldest;
    public long DroppedNewest;
    public long Rejected;
    public long DiscardedOnDispose;
}
