namespace Luohu.Hub.Host.Security;

/// <summary>The answer of <c>GET /api/v1/session</c>.</summary>
internal sealed record WhoAmI(string Name, string Kind, IReadOnlyList<string> Departments, IReadOnlyList<string> Roles, string? CsrfHeader)
{
    public static WhoAmI Of(Caller caller, HttpContext context) =>
        new(caller.Name, caller.Kind, caller.Departments, caller.Roles, caller.Kind == "user" ? ApiAccessFilter.CsrfHeader : null);
}
