namespace Luohu.Hub.Host.Gateway;

/// <summary>One token bucket per consumer: <see cref="PermitsPerPeriod"/> tokens added every <see cref="Period"/>, at most <see cref="Burst"/> held.</summary>
internal sealed class RateLimitPolicyOptions
{
    /// <summary>Requests allowed per <see cref="Period"/> on average. Default 10.</summary>
    public int PermitsPerPeriod { get; set; } = 10;

    /// <summary>How often the bucket is refilled. Default 1 s.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most requests a consumer may send at once after being idle (the bucket's size). Default 20.</summary>
    public int Burst { get; set; } = 20;

    /// <summary>Requests queued when the bucket is empty. Default 0: a client is told to retry, not kept waiting.</summary>
    public int QueueLimit { get; set; }

    /// <summary>Other limits for named consumers (<c>key:{keyId}</c>, <c>user:{name}</c>, <c>apikey:{hash}</c>, <c>ip:{address}</c>).</summary>
    public IList<RateLimitOverride> Overrides { get; } = [];

    /// <summary>The limit that applies to <paramref name="consumer"/>.</summary>
    public (int PermitsPerPeriod, int Burst) For(string consumer)
    {
        foreach (var entry in Overrides)
        {
            if (string.Equals(entry.Consumer, consumer, StringComparison.Ordinal))
            {
                return (entry.PermitsPerPeriod ?? PermitsPerPeriod, entry.Burst ?? entry.PermitsPerPeriod ?? Burst);
            }
        }

        return (PermitsPerPeriod, Burst);
    }
}
