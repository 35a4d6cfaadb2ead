namespace Luohu.Hub.Runtime.Security;

/// <summary>The roles a user or key may hold; what each may do is the host's access table (README "Roles").</summary>
internal static class HubRoles
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    public const string Viewer = "viewer";
    public const string Integrator = "integrator";
    public const string Vendor = "vendor";
    public const string Ops = "ops";

    public static IReadOnlyList<string> All { get; } = [Admin, Editor, Viewer, Integrator, Vendor, Ops];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
