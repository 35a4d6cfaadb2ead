namespace Luohu.Hub.Runtime.Flows.Engine;

/// <summary>
/// Messages (in total and over the last minute, in six 10-second buckets) and errors of one running flow; lock-free
/// totals that the flows API reads and <see cref="Telemetry.HubMetrics"/> exports (<c>luohu.flow.messages</c>, <c>luohu.flow.errors</c>).
/// </summary>
internal sealed class FlowCounters(TimeProvider timeProvider)
{
    private const long BucketMs = 10_000;
    private readonly long[] _buckets = new long[6];
    private readonly long[] _bucketStarts = new long[6];
    private long _messages;
    private long _errors;

    public long Messages => Interlocked.Read(ref _messages);

    public long Errors => Interlocked.Read(ref _errors);

    public void Error() => Interlocked.Increment(ref _errors);

    /// <summary>Counts one message. Lock-free: only the first message of a new 10-second bucket takes the lock to reset it.</summary>
    public void Message()
    {
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var start = now - (now % BucketMs);
        var slot = (int)(start / BucketMs % _buckets.Length);
        if (Volatile.Read(ref _bucketStarts[slot]) != start)
        {
            lock (_buckets)
            {
                if (_bucketStarts[slot] != start)
                {
                    Volatile.Write(ref _buckets[slot], 0);
                    Volatile.Write(ref _bucketStarts[slot], start);
                }
            }
        }

        Interlocked.Increment(ref _buckets[slot]);
        Interlocked.Increment(ref _messages);
    }

    public double MessagesPerMinute()
    {
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        long total = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            if (now - Volatile.Read(ref _bucketStarts[i]) < BucketMs * _buckets.Length)
            {
                total += Interlocked.Read(ref _buckets[i]);
            }
        }

        return total;
    }
}
