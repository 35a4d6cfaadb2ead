namespace Luohu.Bank.Simulator.Faults;

/// <summary>The fault switches tests flip; each count is used up one request at a time.</summary>
internal sealed class FaultSwitch(TimeProvider time)
{
    private int _fail;
    private int _slow;
    private int _slowMs;
    private int _drop;

    public FaultSettings Current => new(Volatile.Read(ref _fail), Volatile.Read(ref _slow), Volatile.Read(ref _slowMs), Volatile.Read(ref _drop));

    public void Set(FaultSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Volatile.Write(ref _slowMs, settings.SlowMs);
        Volatile.Write(ref _fail, settings.FailCount);
        Volatile.Write(ref _slow, settings.SlowCount);
        Volatile.Write(ref _drop, settings.DropAfterCommitCount);
    }

    public bool TakeFailure() => Take(ref _fail);

    /// <summary>Waits when a slow request is due.</summary>
    public Task SlowAsync(CancellationToken cancellationToken) =>
        Take(ref _slow) ? Task.Delay(TimeSpan.FromMilliseconds(Volatile.Read(ref _slowMs)), time, cancellationToken) : Task.CompletedTask;

    /// <summary>After a settlement committed: waits if slow is due, and aborts the connection if a drop is due (true).</summary>
    public async Task<bool> AfterCommitAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await SlowAsync(CancellationToken.None);
        if (Take(ref _drop))
        {
            context.Abort();
            return true;
        }

        return false;
    }

    private static bool Take(ref int counter)
    {
        while (true)
        {
            var value = Volatile.Read(ref counter);
            if (value <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, value - 1, value) == value)
            {
                return true;
            }
        }
    }
}
