namespace Luohu.Hub.Runtime.Flows.Engine;

/// <summary>
/// Calls back at every multiple of a period on the clock (10:00:00, 10:00:10, …), not "period after start":
/// a deploy that replaces the node starts a new ticker on the same boundaries, so a window's rhythm does not
/// shift or stall however often the flow is deployed.
/// </summary>
#pragma warning disable CA1001 // The token source lives from Start to StopAsync, which disposes it; owners call StopAsync.
internal sealed class AlignedTicker(TimeProvider timeProvider, TimeSpan period, Func<DateTimeOffset, CancellationToken, ValueTask> onTick, Action<Exception> onError)
{
    private CancellationTokenSource? _stop;
    private Task _loop = Task.CompletedTask;

    public void Start()
    {
        _stop = new CancellationTokenSource();
        _loop = RunAsync(_stop.Token);
    }

    public async ValueTask StopAsync()
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping ends the wait by cancellation.
        }

        _stop.Dispose();
        _stop = null;
    }

    /// <summary>The first boundary strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextBoundary(DateTimeOffset now, TimeSpan period)
    {
        var ms = (long)period.TotalMilliseconds;
        var nowMs = now.ToUnixTimeMilliseconds();
        return DateTimeOffset.FromUnixTimeMilliseconds((nowMs / ms + 1) * ms);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = NextBoundary(timeProvider.GetUtcNow(), period);
            var wait = next - timeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, timeProvider, cancellationToken);
            }

            try
            {
                await onTick(next, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A failed tick is logged; the ticker keeps its rhythm.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                onError(ex);
            }
        }
    }
}
#pragma warning restore CA1001
