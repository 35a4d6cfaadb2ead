namespace Luohu.Hub.LoadHarness.Soak;

/// <summary>
/// Latencies in logarithmic buckets 2 % wide from 10 µs up (a soak's tens of millions of samples in a few KB); a
/// percentile is the upper edge of its bucket, so it errs at most 2 % high.
/// </summary>
internal sealed class LatencyHistogram
{
    private const double Step = 1.02;
    private const double FirstMs = 0.01;
    private const int Buckets = 1100; // 0.01 ms · 1.02^1100 ≈ 30 minutes
    private static readonly double LogStep = Math.Log(Step);

    private readonly long[] _counts = new long[Buckets];

    public long Count => _counts.Sum();

    public void Add(double milliseconds)
    {
        var index = milliseconds <= FirstMs ? 0 : Math.Min(Buckets - 1, (int)Math.Ceiling(Math.Log(milliseconds / FirstMs) / LogStep));
        Interlocked.Increment(ref _counts[index]);
    }

    public void AddAll(LatencyHistogram other)
    {
        for (var i = 0; i < Buckets; i++)
        {
            _counts[i] += Volatile.Read(ref other._counts[i]);
        }
    }

    /// <summary>The latency at quantile <paramref name="q"/> (0.99 = p99) in ms; NaN without samples.</summary>
    public double Percentile(double q)
    {
        var total = Count;
        if (total == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(q * total);
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += Volatile.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return FirstMs * Math.Pow(Step, i);
            }
        }

        return FirstMs * Math.Pow(Step, Buckets - 1);
    }
}
