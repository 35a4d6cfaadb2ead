using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Luohu.Hub.Runtime.Webhooks;

/// <summary>Registers webhook triggers and the <c>http.response</c> node.</summary>
public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <c>trigger.http</c> (replacing the reserved type) and <c>http.response</c> node types, the route
    /// table that follows deploys, and <c>IWebhookRouter</c> for the host's <c>/hooks</c> endpoint. Secrets come from
    /// the department secrets (<c>AddHubSecurity</c>). Call after <c>AddHubFlows</c>.
    /// </summary>
    public static IServiceCollection AddHubWebhooks(this IServiceCollection services, Action<WebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<WebhookOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookRouteTable>();
        services.TryAddSingleton<WebhookReplies>();
        services.TryAddSingleton<IWebhookRouter, WebhookRouter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFlowTriggerSource, WebhookRouteTable>(sp => sp.GetRequiredService<WebhookRouteTable>()));
        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<IFlowNodeType, WebhookTriggerNodeType>(),
            ServiceDescriptor.Singleton<IFlowNodeType, HttpResponseNodeType>(),
        ]);
        return services;
    }
}
