namespace Luohu.Hub.Plugins.Tests.Fakes;

/// <summary>A timer of <see cref="ManualTimeProvider"/>.</summary>
public sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
{
    private TimeSpan _period = Timeout.InfiniteTimeSpan;

    public DateTimeOffset? DueAt { get; private set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        _period = period;
        DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner.Now + dueTime;
        return true;
    }

    public void Dispose()
    {
        DueAt = null;
        owner.Remove(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal void Reschedule(DateTimeOffset now) =>
        DueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : now + _period;

    internal void Fire() => callback(state);
}
