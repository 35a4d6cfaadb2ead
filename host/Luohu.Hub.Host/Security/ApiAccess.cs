using Luohu.Hub.Runtime.Security;
using static Luohu.Hub.Runtime.Security.HubRoles;

namespace Luohu.Hub.Host.Security;

/// <summary>
/// What each role may do, in one table so a reviewer reads it at a glance (README "Roles"). Reads (GET) are open
/// to every signed-in caller unless a row says otherwise; an unsafe request whose route no row names needs admin,
/// so a new endpoint is closed until someone decides who may use it.
/// </summary>
internal static class ApiAccess
{
    public static IReadOnlyList<ApiAccessRule> Rules { get; } =
    [
        new("GET", "/api/v1/audit", Ops),
        new("GET", "/api/v1/users", Admin),
        new("GET", "/api/v1/plugins/{id}/settings", Ops),
        // The outbox holds the inputs of money-moving calls: ops of the department (and admins) only, also to read.
        new("GET", "/api/v1/outbox", Ops),
        new("*", "/api/v1/session"),
        new("*", "/api/v1/keys"),
        new("*", "/api/v1/departments", Admin),
        new("*", "/api/v1/users", Admin),
        new("*", "/api/v1/grants", Admin),
        // Device credentials: a department's ops or integrators issue and revoke them for its own devices.
        new("*", "/api/v1/devices", Ops, Integrator),
        // Department secrets (webhook keys): whoever builds the department's flows keeps them; values are never read back.
        new("*", "/api/v1/secrets", Editor, Integrator, Ops),
        // Watching a node only shows its messages to whoever may read the flow, for a bounded lease: any reader may.
        new("POST", "/api/v1/flows/{id}/watch", Viewer, Editor, Integrator, Ops),
        new("*", "/api/v1/flows", Editor, Integrator),
        new("*", "/api/v1/rules", Editor, Integrator),
        new("PUT", "/api/v1/plugins/{id}/settings", Ops),
        new("POST", "/api/v1/plugins/{id}/", Ops),
        new("DELETE", "/api/v1/plugins/{id}", Ops),
        new("POST", "/api/v1/plugins", Vendor, Ops),
        new("POST", "/api/v1/capabilities", Editor, Integrator, Ops),
        // Choosing the vendor that serves a capability, or one in shadow, is an ops operation like enabling a plugin.
        new("PUT", "/api/v1/vendors", Ops),
        new("POST", "/api/v1/messages", Editor, Integrator, Ops),
        new("*", "/api/v1/dead-letters", Ops),
        new("*", "/api/v1/outbox", Ops),
    ];

    /// <summary>Null when allowed, else the roles that would be.</summary>
    public static IReadOnlyList<string>? Check(string method, string route, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
        var rule = Rules.FirstOrDefault(r => (safe ? string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase) : r.Method == "*" || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase))
            && route.StartsWith(r.Route, StringComparison.OrdinalIgnoreCase));
        if (rule is null)
        {
            return safe || caller.IsAdmin ? null : [HubRoles.Admin];
        }

        return rule.Roles.Length == 0 || caller.HasAnyRole(rule.Roles) ? null : [HubRoles.Admin, .. rule.Roles];
    }
}
