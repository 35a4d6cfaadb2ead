using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

/// <summary>A user as the API shows it: never the password hash.</summary>
internal sealed record UserView(string Name, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Departments, int FailedSignIns)
{
    public static UserView Of(HubUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Name, user.DisplayName, user.Roles, user.Departments, user.FailedCount);
    }
}
