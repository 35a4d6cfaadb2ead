using Luohu.Hub.Rules;
using Luohu.Hub.Runtime.Datasets;
using Luohu.Hub.Runtime.Flows.Alerts;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Nodes;
using Luohu.Hub.Runtime.Flows.Persistence;
using Luohu.Hub.Runtime.Security;
using Luohu.Hub.Runtime.Flows.Scripting;
using Luohu.Hub.Runtime.RuleLibrary;
using Luohu.Hub.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Luohu.Hub.Runtime.Flows.Hosting;

/// <summary>Registers the flow runtime.</summary>
public static class FlowServiceCollectionExtensions
{
    /// <summary>
    /// Registers the flow runtime: node types, validator, engine, <c>IFlowService</c>, <c>IDeadLetterService</c>,
    /// <c>IAlertLog</c>, <c>IDatasetRegistry</c>, <c>IFlowNodeTypeRegistry</c>, the rules library (<c>IRuleLibrary</c>) and the hosted service that starts deployed flows. Needs the
    /// bus (<c>AddHubBus</c>); adds the rules library (<c>AddHubRules</c>) for scripts and workflows if it is not there yet. Without a database store the flows, versions, node state and dead letters are kept
    /// in memory (replaceable defaults).
    /// </summary>
    public static IServiceCollection AddHubFlows(this IServiceCollection services, Action<FlowOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<FlowOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<IFlowNodeType, TopicTriggerNodeType>(),
            ServiceDescriptor.Singleton<IFlowNodeType, PluginTriggerNodeType>(),
            ServiceDescriptor.Singleton<IFlowNodeType, ScriptNodeType>(),
            ServiceDescriptor.Singleton<IFlowNodeType, RuleNodeType>(),
            ServiceDescriptor.Singleton<IFlowNodeType, SwitchNodeType>(),
            ServiceDescriptor.Singleton<IFlowNodeType, ChangeNodeType>(),
            ServiceDescriptor.Singleton<IFlowNodeType, DelayNodeType>(),
            ServiceDescriptor.Singleton<IFlowNodeType, ThrottleNodeType>(),
            ServiceDescriptor.Singleton<IFlowNodeType, WindowNodeType>(),
            ServiceDescriptor.Singleton<IFlowNodeType, ActionNodeType>(),
            ServiceDescriptor.Singleton<IFlowNodeType, PublishNodeType>(),
            ServiceDescriptor.Singleton<IFlowNodeType, AlertNodeType>(),
            ServiceDescriptor.Singleton<IFlowNodeType, CatchNodeType>(),
            ServiceDescriptor.Singleton<IFlowNodeType, DebugNodeType>(),
            ServiceDescriptor.Singleton<IFlowNodeType, DatasetNodeType>(),
        ]);
        services.TryAddSingleton<IDatasetRegistry, DatasetRegistry>();

        // Reserved types go first so that the triggers issue's own registrations (added later) replace them.
        services.Insert(0, ServiceDescriptor.Singleton<IFlowNodeType>(ReservedTriggerNodeType.Schedule()));
        services.Insert(0, ServiceDescriptor.Singleton<IFlowNodeType>(ReservedTriggerNodeType.Http()));

        services.TryAddSingleton<IFlowNodeTypeRegistry, FlowNodeTypeRegistry>();
        services.AddHubRules();
        services.TryAddSingleton<IFlowScripting, SandboxFlowScripting>();
        services.AddOptions<RuleLibraryOptions>();
        services.TryAddSingleton<IRuleLibrary>(sp => new RuleWorkflowLibrary(
            sp.GetService<IRuleLibraryStore>() ?? ActivatorUtilities.CreateInstance<InMemoryRuleLibraryStore>(sp), sp.GetRequiredService<IFlowScripting>()));

        // The hub's store when one is registered (AddHubSqliteStore, before or after this call), else memory.
        services.TryAddSingleton<IFlowRepository>(sp => sp.GetService<IFlowStore>() is { } store
            ? new StoreFlowRepository(store)
            : ActivatorUtilities.CreateInstance<InMemoryFlowRepository>(sp));
        services.TryAddSingleton<INodeStateRepository>(sp => sp.GetService<INodeStateStore>() is { } store
            ? new StoreNodeStateRepository(store)
            : new InMemoryNodeStateRepository());
        services.TryAddSingleton<IDeadLetterRepository>(sp => sp.GetService<IDeadLetterStore>() is { } store
            ? new StoreDeadLetterRepository(store)
            : ActivatorUtilities.CreateInstance<InMemoryDeadLetterRepository>(sp));
        services.TryAddSingleton<IFlowStoreInitializer>(sp => sp.GetService<StoreInitialization>() is { } store
            ? new HubStoreFlowInitializer(store)
            : new NoFlowStoreInitializer());
        services.TryAddSingleton<IAlertLog, AlertLog>();
        services.TryAddSingleton<IDepartmentSecrets, InMemoryDepartmentSecrets>();
        services.TryAddSingleton<NodeWatches>();
        services.TryAddSingleton<FlowServices>();
        services.TryAddSingleton<Telemetry.HubMetrics>();
        services.TryAddSingleton<FlowCompiler>();
        services.TryAddSingleton<FlowEngine>();
        services.TryAddSingleton<FlowValidator>();
        services.TryAddSingleton<IFlowService, FlowService>();
        services.TryAddSingleton<IDeadLetterService, DeadLetterService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, FlowHostService>());
        return services;
    }
}
