using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Hosting;
using Luohu.Hub.Runtime.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Host.Security;

/// <summary>Sign-in (cookie and API key), the role table, grants on capability calls, audit and Data Protection.</summary>
internal static class SecurityHostExtensions
{
    /// <summary>Call after <c>AddSecurity()</c> and <c>AddPlugins()</c>: it replaces the allow-all authorizer and decorates the invoker.</summary>
    public static IServiceCollection AddHubAuth(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var hub = new HubOptions();
        configuration.GetSection(HubOptions.SectionName).Bind(hub);
        services.AddDataProtection()
            .SetApplicationName("Luohu.Hub")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(hub.ResolveDataPath(contentRoot), "keys")));
        services.TryAddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        services.AddHttpContextAccessor();
        services.TryAddSingleton<ApiKeyValidator>();
        services.TryAddSingleton<SignInThrottle>();
        services.TryAddSingleton<SignInService>();
        services.TryAddSingleton<CameraGroupResolver>();
        services.TryAddSingleton<StreamAccess>();
        services.TryAddSingleton<DepartmentScope>();

        services.AddAuthentication(HubAuthSchemes.Hub)
            .AddPolicyScheme(HubAuthSchemes.Hub, "Cookie or API key", options =>
                options.ForwardDefaultSelector = context => context.Request.Headers.ContainsKey(HubAuthSchemes.ApiKeyHeader) ? HubAuthSchemes.ApiKey : HubAuthSchemes.Cookie)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(HubAuthSchemes.ApiKey, null)
            .AddCookie(HubAuthSchemes.Cookie);
        services.AddOptions<CookieAuthenticationOptions>(HubAuthSchemes.Cookie).Configure<IOptions<SecurityOptions>>((cookie, security) =>
        {
            cookie.Cookie.Name = HubAuthSchemes.CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = security.Value.CookieLifetime;
            cookie.Events.OnRedirectToLogin = context => AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Not signed in",
                "Sign in with POST /api/v1/session { \"user\": \"...\", \"password\": \"...\" }, or send an API key in the X-Api-Key header.");
            cookie.Events.OnRedirectToAccessDenied = context => AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden",
                "The signed-in user may not do this.");
        });
        services.AddAuthorization();

        services.Replace(ServiceDescriptor.Singleton<ICapabilityAuthorizer, HubCapabilityAuthorizer>());
        services.Replace(ServiceDescriptor.Singleton<ICapabilityInvoker>(sp => ActivatorUtilities.CreateInstance<AuditingCapabilityInvoker>(sp)));
        services.AddHostedService<PluginStateAuditor>();
        return services;
    }

    /// <summary>Every endpoint of the group needs a signed-in user or key, then passes the role table, flow and rule-workflow ownership and change audit.</summary>
    public static RouteGroupBuilder RequireHubAuth(this RouteGroupBuilder api)
    {
        api.RequireAuthorization()
            .AddEndpointFilter<ApiAccessFilter>()
            .AddEndpointFilter<FlowAccessFilter>()
            .AddEndpointFilter<RuleLibraryAccessFilter>()
            .AddEndpointFilter<ChangeAuditFilter>();
        return api;
    }
}
