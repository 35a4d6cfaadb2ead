using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Luohu.Hub.Designer.Hosting;

/// <summary>Registers the designer's Blazor components. The host adds its <see cref="Accounts.IDesignerAccounts"/>.</summary>
internal static class DesignerServiceCollectionExtensions
{
    public static IServiceCollection AddLuohuDesigner(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DesignerOptions>().Bind(configuration.GetSection(DesignerOptions.SectionName))
            .Validate(o => o.RefreshInterval >= TimeSpan.FromMilliseconds(200), $"{DesignerOptions.SectionName}:RefreshInterval must be at least 00:00:00.2.");
        services.AddLocalization();
        services.AddAntiforgery();
        services.AddCascadingAuthenticationState();
        services.AddRazorComponents();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<Views.HubApi>();
        return services;
    }
}
