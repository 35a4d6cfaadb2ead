using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Luohu.Hub.Runtime.Bus;

/// <summary>Registers the in-process message bus.</summary>
public static class BusServiceCollectionExtensions
{
    /// <summary>
    /// Registers <c>MessageBus</c> as the singleton <c>IMessageBus</c> and <c>IMessagePublisher</c>. Any
    /// publisher registered before (the plugin runtime's null default) is replaced, so order does not matter.
    /// </summary>
    public static IServiceCollection AddHubBus(this IServiceCollection services, Action<BusOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<BusOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MessageBus>();
        services.TryAddSingleton<Telemetry.HubMetrics>();
        services.TryAddSingleton<IMessageBus>(sp => sp.GetRequiredService<MessageBus>());
        services.RemoveAll<IMessagePublisher>();
        services.AddSingleton<IMessagePublisher>(sp => sp.GetRequiredService<MessageBus>());
        return services;
    }
}
