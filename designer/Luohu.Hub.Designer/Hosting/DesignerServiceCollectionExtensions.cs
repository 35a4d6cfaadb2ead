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
            .Validate(o => o.MaximumReceiveMessageSize >= 32 * 1024, $"{DesignerOptions.SectionName}:MaximumReceiveMessageSize must be at least 32768 bytes (SignalR's own default).")
            .Validate(o => o.RefreshInterval >= TimeSpan.FromMilliseconds(200), $"{DesignerOptions.SectionName}:RefreshInterval must be at least 00:00:00.2.");
        services.AddLocalization();
        services.AddAntiforgery();
        services.AddCascadingAuthenticationState();
        var designer = new DesignerOptions();
        configuration.GetSection(DesignerOptions.SectionName).Bind(designer);
        services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = designer.MaximumReceiveMessageSize);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<Views.HubApi>();
        return services;
    }
}
