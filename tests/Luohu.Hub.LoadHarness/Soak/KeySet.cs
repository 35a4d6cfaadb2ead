namespace Luohu.Hub.LoadHarness.Soak;

/// <summary>A thread-safe set of message keys 0…capacity-1, one bit each (36 million keys take 4.5 MB).</summary>
internal sealed class KeySet(long capacity)
{
    private readonly long[] _words = new long[(capacity + 63) / 64];

    public long Capacity { get; } = capacity;

    /// <summary>Adds the key; false when it was already there.</summary>
    public bool Add(long key)
    {
        var bit = 1L << (int)(key & 63);
        return (Interlocked.Or(ref _words[key >> 6], bit) & bit) == 0;
    }

    public bool Contains(long key) => (Volatile.Read(ref _words[key >> 6]) & (1L << (int)(key & 63))) != 0;
}
