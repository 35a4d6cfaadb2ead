using Luohu.Hub.Runtime.Scheduling;
using Luohu.Hub.Runtime.Webhooks;
using Microsoft.Extensions.Configuration;

namespace Luohu.Hub.Runtime.Hosting;

/// <summary>Flow triggers from the outside world: schedules and webhooks.</summary>
public static class TriggersHubBuilderExtensions
{
    /// <summary>Schedules and one-shot timers of flows on Quartz (in-memory job store); options from <c>Hub:Scheduling</c>.</summary>
    /// <param name="hub">The hub builder.</param>
    public static IHubBuilder AddScheduling(this IHubBuilder hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        hub.Services.AddHubScheduling(options => hub.Configuration.GetSection("Hub:Scheduling").Bind(options));
        return hub;
    }

    /// <summary>Webhook triggers under <c>/hooks/{department}/{path}</c>; options from <c>Hub:Webhooks</c>.</summary>
    /// <param name="hub">The hub builder.</param>
    public static IHubBuilder AddWebhooks(this IHubBuilder hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        hub.Services.AddHubWebhooks(options => hub.Configuration.GetSection("Hub:Webhooks").Bind(options));
        return hub;
    }
}
