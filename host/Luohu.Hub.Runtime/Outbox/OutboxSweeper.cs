using Luohu.Hub.Runtime.Capabilities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Outbox;

/// <summary>
/// Resumes pending entries with their key: at start (what a crash left between record and result) and then every
/// <see cref="OutboxOptions.RetryInterval"/> (outcomes that stayed unknown). An entry waits while no running plugin
/// offers its capability yet (plugins load after the hub starts).
/// </summary>
internal sealed class OutboxSweeper(
    OutboxExecutor executor,
    ICapabilityCatalog catalog,
    OutboxMetrics metrics,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxSweeper> logger) : BackgroundService
{
    /// <summary>One pass: every pending entry not touched within the retry interval (all of them when <paramref name="all"/>).</summary>
    public async Task<int> SweepAsync(bool all, CancellationToken cancellationToken)
    {
        var before = all ? DateTimeOffset.MaxValue : time.GetUtcNow() - options.Value.RetryInterval;
        var pending = await executor.Store.ListPendingAsync(before, options.Value.SweepBatch, cancellationToken);
        var ready = pending.Where(e => !executor.IsInFlight(e.Key) && catalog.Find(e.Capability) is not null).ToList();
        if (ready.Count > 0)
        {
            OutboxLog.Resuming(logger, ready.Count);
        }

        foreach (var entry in ready)
        {
            await executor.ResumeAsync(entry, cancellationToken);
        }

        metrics.Counted(await executor.Store.CountAsync(cancellationToken));
        return ready.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A short first period: the plugins that serve the entries a crash left are loading right now.
        var period = TimeSpan.FromMilliseconds(Math.Min(500, options.Value.RetryInterval.TotalMilliseconds));
        var startedAt = time.GetTimestamp();
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, time, stoppingToken);
                await SweepAsync(first, stoppingToken);
                if (time.GetElapsedTime(startedAt) > TimeSpan.FromSeconds(30))
                {
                    first = false;
                    period = options.Value.RetryInterval;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                OutboxLog.SweepFailed(logger, ex);
            }
        }
    }
}
