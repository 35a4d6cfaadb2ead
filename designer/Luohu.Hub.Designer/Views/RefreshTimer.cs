namespace Luohu.Hub.Designer.Views;

/// <summary>
/// Calls back a page at a fixed interval while its circuit lives; the page disposes it. Ticks never overlap: a slow
/// refresh skips the ticks that fall inside it rather than piling up work on the circuit.
/// </summary>
internal sealed class RefreshTimer : IDisposable
{
    private readonly Func<Task> refresh;
    private readonly ITimer timer;
    private int running;

    public RefreshTimer(TimeProvider time, TimeSpan interval, Func<Task> refresh)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.refresh = refresh;
        timer = time.CreateTimer(_ => Tick(), null, interval, interval);
    }

    public void Dispose() => timer.Dispose();

    private void Tick()
    {
        if (Interlocked.Exchange(ref running, 1) == 1)
        {
            return;
        }

        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        try
        {
            await refresh();
        }
        finally
        {
            Volatile.Write(ref running, 0);
        }
    }
}
