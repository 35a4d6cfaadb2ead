namespace Luohu.Hub.Runtime.Telemetry;

/// <summary>
/// Lock-free latency counts in log-scale buckets (four per doubling, 1 µs to about 70 s): one
/// <see cref="Interlocked.Increment(ref long)"/> per sample, percentiles within about 9 % of the true value.
/// </summary>
internal sealed class LatencyBuckets
{
    private const int PerDoubling = 4;
    private const int Count = 26 * PerDoubling + 2;
    private readonly long[] _counts = new long[Count];

    public void Record(TimeSpan elapsed)
    {
        var micros = elapsed.Ticks / (double)TimeSpan.TicksPerMicrosecond;
        var index = micros < 1 ? 0 : Math.Min(Count - 1, 1 + (int)(Math.Log2(micros) * PerDoubling));
        Interlocked.Increment(ref _counts[index]);
    }

    /// <summary>The upper bound in milliseconds of the bucket holding the <paramref name="p"/> quantile; 0 without samples.</summary>
    public double PercentileMs(double p)
    {
        Span<long> counts = stackalloc long[Count];
        long total = 0;
        for (var i = 0; i < Count; i++)
        {
            counts[i] = Volatile.Read(ref _counts[i]);
            total += counts[i];
        }

        if (total == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(p * total));
        long seen = 0;
        for (var i = 0; i < Count; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return UpperBoundMs(i);
            }
        }

        return UpperBoundMs(Count - 1);
    }

    private static double UpperBoundMs(int index) => index == 0 ? 0.001 : Math.Pow(2, (double)index / PerDoubling) / 1000;
}
