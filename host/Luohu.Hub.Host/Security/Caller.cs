using System.Security.Claims;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

/// <summary>Who is calling, read from the request's claims; what audit entries and access checks need.</summary>
internal sealed record Caller(string Name, string Kind, IReadOnlyList<string> Departments, IReadOnlyList<string> Roles, string? RemoteIp)
{
    public bool IsAdmin => Roles.Contains(HubRoles.Admin, StringComparer.Ordinal);

    public bool HasAnyRole(IEnumerable<string> roles) => IsAdmin || roles.Any(r => Roles.Contains(r, StringComparer.Ordinal));

    /// <summary>Admins see every department's flows; others their own.</summary>
    public bool SeesDepartment(string department) => IsAdmin || Departments.Contains(department, StringComparer.Ordinal);

    /// <summary>The owning department's members and admins, or a department the flow is shared with (read-only).</summary>
    public bool ReadsFlow(string department, IEnumerable<string>? sharedWith) =>
        SeesDepartment(department) || (sharedWith ?? []).Any(d => Departments.Contains(d, StringComparer.Ordinal));

    public static Caller From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return From(context.User, context.Connection.RemoteIpAddress?.ToString());
    }

    public static Caller From(ClaimsPrincipal user, string? remoteIp)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return new Caller("anonymous", "anonymous", [], [], remoteIp);
        }

        var kind = user.FindFirstValue(HubClaims.Auth) == HubClaims.AuthKey ? "key" : "user";
        return new Caller(
            user.Identity.Name ?? "unknown",
            kind,
            [.. user.FindAll(HubClaims.Department).Select(c => c.Value)],
            [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
            remoteIp);
    }

    public AuditEvent Audit(string action, string? target, string outcome = "ok") => new()
    {
        Actor = Name, ActorKind = Kind, RemoteIp = RemoteIp, Action = action, Target = target, Outcome = outcome,
    };
}
