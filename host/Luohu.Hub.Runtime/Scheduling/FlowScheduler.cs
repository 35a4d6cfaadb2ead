using Quartz;

namespace Luohu.Hub.Runtime.Scheduling;

/// <summary>
/// The hub's Quartz scheduler as flows use it: jobs grouped per flow, started on first use (a host without the
/// Quartz hosted service, as in tests, still fires), listed for tests and the ops pages.
/// </summary>
internal sealed class FlowScheduler(ISchedulerFactory factory) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IScheduler? _scheduler;

    public async ValueTask<IScheduler> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _scheduler) is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_scheduler is null)
            {
                var scheduler = await factory.GetScheduler(cancellationToken);
                if (await scheduler.GetStatus(cancellationToken) == SchedulerStatus.Created)
                {
                    await scheduler.Start(cancellationToken);
                }

                Volatile.Write(ref _scheduler, scheduler);
            }

            return _scheduler;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The keys of every job of the flow (schedules and pending timers), ordered by name.</summary>
    public async Task<IReadOnlyList<JobKey>> JobKeysAsync(string flowId, CancellationToken cancellationToken)
    {
        var scheduler = await GetAsync(cancellationToken);
        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(FlowJobKeys.Group(flowId)), cancellationToken);
        return [.. keys.OrderBy(k => k.Name, StringComparer.Ordinal)];
    }

    public async ValueTask DisposeAsync()
    {
        if (_scheduler is { } scheduler && await scheduler.GetStatus(CancellationToken.None) is not (SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown))
        {
            await scheduler.Shutdown(false, CancellationToken.None);
        }

        _gate.Dispose();
    }
}
