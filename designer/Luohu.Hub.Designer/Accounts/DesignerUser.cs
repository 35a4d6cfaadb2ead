namespace Luohu.Hub.Designer.Accounts;

/// <summary>The signed-in person as the designer shows and filters by them.</summary>
internal sealed record DesignerUser(string Name, IReadOnlyList<string> Departments, IReadOnlyList<string> Roles, bool IsAdmin)
{
    public static DesignerUser Anonymous { get; } = new("anonymous", [], [], false);

    public bool IsSignedIn => !ReferenceEquals(this, Anonymous);

    /// <summary>The API's rule: admins see every department's flows, others only their own.</summary>
    public bool SeesDepartment(string department) => IsAdmin || Departments.Contains(department, StringComparer.Ordinal);
}
