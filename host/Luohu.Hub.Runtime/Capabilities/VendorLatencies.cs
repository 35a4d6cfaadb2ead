namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>One side of a shadow comparison: calls, failures and the latencies of the last 4,096 calls (lock-free ring).</summary>
internal sealed class VendorLatencies(string pluginId)
{
    private const int Window = 4096;
    private readonly double[] _milliseconds = new double[Window];
    private long _calls;
    private long _failures;

    public string PluginId { get; } = pluginId;

    public void Record(TimeSpan elapsed, bool failed)
    {
        var n = Interlocked.Increment(ref _calls) - 1;
        Volatile.Write(ref _milliseconds[n % Window], elapsed.TotalMilliseconds);
        if (failed)
        {
            Interlocked.Increment(ref _failures);
        }
    }

    public VendorSideView View()
    {
        var calls = Interlocked.Read(ref _calls);
        var kept = (int)Math.Min(calls, Window);
        var sorted = new double[kept];
        Array.Copy(_milliseconds, sorted, kept);
        Array.Sort(sorted);
        return new VendorSideView(PluginId, calls, Interlocked.Read(ref _failures),
            kept == 0 ? null : Math.Round(sorted[kept / 2], 3),
            kept == 0 ? null : Math.Round(sorted[Math.Min(kept - 1, (int)(kept * 0.99))], 3),
            kept == 0 ? null : Math.Round(sorted.Average(), 3));
    }
}
