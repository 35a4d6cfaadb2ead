using Luohu.Hub.Designer.Accounts;
using Luohu.Hub.Designer.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Luohu.Hub.Host.Designer;

/// <summary>The designer (designer/Luohu.Hub.Designer) served at <c>/</c>, signed in through the hub's own accounts.</summary>
internal static class DesignerHostExtensions
{
    /// <summary>Call after <c>AddHubAuth</c>: the designer signs in through its SignInService.</summary>
    public static IServiceCollection AddHubDesigner(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLuohuDesigner(configuration);
        services.TryAddSingleton<IDesignerAccounts, HubDesignerAccounts>();
        return services;
    }

    /// <summary>Call after <c>UseAuthentication</c>/<c>UseAuthorization</c>; the API's routes keep precedence over the designer's.</summary>
    public static WebApplication MapHubDesigner(this WebApplication app) => app.MapLuohuDesigner();
}
