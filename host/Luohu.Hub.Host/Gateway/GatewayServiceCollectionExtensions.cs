using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Luohu.Hub.Host.Gateway;

internal static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// The gateway: per-consumer rate limits (<c>Hub:Gateway:RateLimits</c>) and the data services' response cache
    /// (<c>Hub:Gateway:Data</c>). Needs <c>app.UseRateLimiter()</c> after authentication, so that the consumer claim is known.
    /// </summary>
    public static IServiceCollection AddHubGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.SectionName));
        services.AddRateLimiter(GatewayRateLimiting.Configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DatasetResponseCache>();
        return services;
    }
}
