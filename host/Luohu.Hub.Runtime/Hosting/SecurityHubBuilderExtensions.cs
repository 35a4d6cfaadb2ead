using Luohu.Hub.Runtime.Security;
using Microsoft.Extensions.Configuration;

namespace Luohu.Hub.Runtime.Hosting;

/// <summary>The security part of the hub builder.</summary>
public static class SecurityHubBuilderExtensions
{
    /// <summary>
    /// Departments, users, API keys, grants, the audit log and stored plugin settings, from <c>Hub:Auth</c>.
    /// Call after <see cref="HubBuilderExtensions.AddSqliteStore"/>.
    /// </summary>
    /// <param name="hub">The hub builder.</param>
    public static IHubBuilder AddSecurity(this IHubBuilder hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        hub.Services.AddHubSecurity(options => hub.Configuration.GetSection(SecurityOptions.SectionName).Bind(options));
        return hub;
    }
}
