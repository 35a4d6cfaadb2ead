using System.Security.Claims;
using Luohu.Hub.Designer.Accounts;
using Luohu.Hub.Host.Security;
using Microsoft.AspNetCore.Authentication;

namespace Luohu.Hub.Host.Designer;

/// <summary>The designer's sign-in over the API's: same service (lockout, audit), same cookie, same claims.</summary>
internal sealed class HubDesignerAccounts(SignInService signIn) : IDesignerAccounts
{
    public async Task<DesignerSignInResult> SignInAsync(HttpContext context, string user, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await signIn.SignInAsync(user, password, context.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (result.LockedUntil is { } until)
        {
            return DesignerSignInResult.LockedOut(until);
        }

        if (result.User is not { } signedIn)
        {
            return DesignerSignInResult.Failed;
        }

        var principal = HubPrincipals.ForUser(signedIn, HubAuthSchemes.Cookie);
        await context.SignInAsync(HubAuthSchemes.Cookie, principal, new AuthenticationProperties { IsPersistent = false });
        return DesignerSignInResult.Success;
    }

    public Task SignOutAsync(HttpContext context) => context.SignOutAsync(HubAuthSchemes.Cookie);

    public DesignerUser Describe(ClaimsPrincipal principal)
    {
        var caller = Caller.From(principal, null);
        return caller.Kind == "anonymous" ? DesignerUser.Anonymous : new DesignerUser(caller.Name, caller.Departments, caller.Roles, caller.IsAdmin);
    }
}
