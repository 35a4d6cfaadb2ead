using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace Luohu.Hub.Runtime.Scheduling;

/// <summary>Registers schedules and one-shot timers of flows on Quartz.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <c>trigger.schedule</c>, <c>timer</c> and <c>timer.cancel</c> node types (replacing the reserved schedule type) and a
    /// Quartz scheduler with the in-memory job store, using the hub's <see cref="TimeProvider"/>. Call after
    /// <c>AddHubFlows</c>. For the clustered PostgreSQL store, configure Quartz's persistent store in
    /// <paramref name="configureQuartz"/>; the jobs need no change (their data is plain text).
    /// </summary>
    public static IServiceCollection AddHubScheduling(
        this IServiceCollection services, Action<SchedulingOptions>? configure = null, Action<IQuartzBuilder>? configureQuartz = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SchedulingOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        var settings = new SchedulingOptions();
        configure?.Invoke(settings);
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s => s.InstanceName = settings.SchedulerName);
            quartz.UseDefaultThreadPool(settings.MaxConcurrency);
            if (configureQuartz is null)
            {
                quartz.UseInMemoryStore(store => store.MisfireThreshold = settings.MisfireThreshold);
            }
            else
            {
                configureQuartz(quartz);
            }
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = false);

        services.TryAddSingleton<FlowScheduler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFlowTriggerSource, ScheduleTriggerSource>());
        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<IFlowNodeType, ScheduleTriggerNodeType>(),
            ServiceDescriptor.Singleton<IFlowNodeType, TimerNodeType>(),
            ServiceDescriptor.Singleton<IFlowNodeType, TimerCancelNodeType>(),
        ]);
        return services;
    }
}
