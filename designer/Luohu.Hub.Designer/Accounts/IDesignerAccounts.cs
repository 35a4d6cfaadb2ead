using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Luohu.Hub.Designer.Accounts;

/// <summary>
/// The host's sign-in as the designer needs it. The host implements it over the same sign-in service, cookie scheme
/// and claims the API uses, so a designer session and an API session are one and the same.
/// </summary>
internal interface IDesignerAccounts
{
    /// <summary>Checks the password (lockout and audit included) and, when right, sets the session cookie on <paramref name="context"/>.</summary>
    Task<DesignerSignInResult> SignInAsync(HttpContext context, string user, string password, CancellationToken cancellationToken);

    Task SignOutAsync(HttpContext context);

    /// <summary>Who the principal is, for the layout and for department visibility.</summary>
    DesignerUser Describe(ClaimsPrincipal principal);
}
