using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Luohu.Hub.Designer.Hosting;

/// <summary>Registers the designer's Blazor components. The host adds its <see cref="Accounts.IDesignerAccounts"/>.</summary>
internal static class DesignerServiceCollectionExtensions
{
    public static IServiceCollection AddLuohuDesigner(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization();
        services.AddAntiforgery();
        services.AddCascadingAuthenticationState();
        services.AddRazorComponents();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
