using System.Text.Json.Serialization;

namespace Luohu.Hub.Host.Api;

internal static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddHubApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHealthChecks();
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName));
        return services;
    }
}
