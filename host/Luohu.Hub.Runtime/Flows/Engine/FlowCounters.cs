namespace Luohu.Hub.Runtime.Flows.Engine;

/// <summary>Messages over the last minute (in six 10-second buckets) and errors of one running flow.</summary>
internal sealed class FlowCounters(TimeProvider timeProvider)
{
    private const long BucketMs = 10_000;
    private readonly long[] _buckets = new long[6];
    private readonly long[] _bucketStarts = new long[6];
    private long _errors;

    public long Errors => Interlocked.Read(ref _errors);

    public void Error() => Interlocked.Increment(ref _errors);

    public void Message()
    {
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var start = now - (now % BucketMs);
        var slot = (int)(start / BucketMs % _buckets.Length);
        lock (_buckets)
        {
            if (_bucketStarts[slot] != start)
            {
                _bucketStarts[slot] = start;
                _buckets[slot] = 0;
            }

            _buckets[slot]++;
        }
    }

    public double MessagesPerMinute()
    {
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_buckets)
        {
            long total = 0;
            for (var i = 0; i < _buckets.Length; i++)
            {
                if (now - _bucketStarts[i] < BucketMs * _buckets.Length)
                {
                    total += _buckets[i];
                }
            }

            return total;
        }
    }
}
