using Luohu.Hub.Runtime.Telemetry;

namespace Luohu.Hub.Runtime.Tests.Telemetry;

public sealed class LatencyBucketsTests
{
    [Fact]
    public void Without_samples_every_percentile_is_zero()
    {
        var buckets = new LatencyBuckets();

        Assert.Equal(0, buckets.PercentileMs(0.5));
        Assert.Equal(0, buckets.PercentileMs(0.99));
    }

    [Fact]
    public void Percentiles_land_within_a_bucket_of_the_true_value()
    {
        var buckets = new LatencyBuckets();
        for (var i = 0; i < 98; i++)
        {
            buckets.Record(TimeSpan.FromMilliseconds(2));
        }

        buckets.Record(TimeSpan.FromSeconds(1));
        buckets.Record(TimeSpan.FromSeconds(1));

        Assert.InRange(buckets.PercentileMs(0.50), 2, 2 * 1.19);
        Assert.InRange(buckets.PercentileMs(0.98), 2, 2 * 1.19);
        Assert.InRange(buckets.PercentileMs(0.99), 1000, 1000 * 1.19);
    }

    [Fact]
    public void Samples_beyond_the_range_count_in_the_last_bucket_and_below_a_microsecond_in_the_first()
    {
        var buckets = new LatencyBuckets();
        buckets.Record(TimeSpan.FromTicks(1));
        buckets.Record(TimeSpan.FromHours(1));

        Assert.Equal(0.001, buckets.PercentileMs(0.5));
        Assert.True(buckets.PercentileMs(1) >= 60_000, "an hour reads as the top bucket, above a minute");
    }
}
