using Microsoft.AspNetCore.Components.Authorization;

namespace Luohu.Hub.Designer.Accounts;

internal static class DesignerAccountsExtensions
{
    /// <summary>The page's user from its cascading authentication state (anonymous when there is none).</summary>
    public static async Task<DesignerUser> DescribeAsync(this IDesignerAccounts accounts, Task<AuthenticationState>? state)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        return state is null ? DesignerUser.Anonymous : accounts.Describe((await state).User);
    }
}
