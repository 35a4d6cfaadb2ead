namespace Luohu.Hub.Runtime.Plugins;

/// <summary>The one backoff and fault window shared by event-source restarts and plugin-process restarts.</summary>
internal static class RestartPolicy
{
    /// <summary>Records a fault at <paramref name="now"/>, forgets those older than <paramref name="window"/>; returns how many remain.</summary>
    public static int Record(List<DateTimeOffset> faults, DateTimeOffset now, TimeSpan window)
    {
        faults.Add(now);
        faults.RemoveAll(t => now - t > window);
        return faults.Count;
    }

    /// <summary><paramref name="min"/> doubled per consecutive fault after the first, at most <paramref name="max"/>.</summary>
    public static TimeSpan Backoff(int faults, TimeSpan min, TimeSpan max)
    {
        var ticks = min.Ticks * Math.Pow(2, Math.Min(faults - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(ticks, max.Ticks));
    }
}
