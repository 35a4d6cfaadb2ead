using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Luohu.Hub.Runtime.Hosting;

/// <summary>Registers the hub's engine.</summary>
public static class HubServiceCollectionExtensions
{
    /// <summary>Adds the hub's core services and returns a builder to add its parts.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configuration">The application's configuration; the hub reads its <c>Hub</c> section.</param>
    /// <param name="contentRoot">The folder relative configured paths are resolved against.</param>
    public static IHubBuilder AddLuohuHub(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HubOptions>().Configure(options => configuration.GetSection(HubOptions.SectionName).Bind(options));
        services.TryAddSingleton(TimeProvider.System);
        return new HubBuilder(services, configuration, contentRoot);
    }
}
