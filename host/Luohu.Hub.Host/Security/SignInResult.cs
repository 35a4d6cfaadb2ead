using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

internal sealed record SignInResult(HubUser? User, DateTimeOffset? LockedUntil)
{
    public static SignInResult Success(HubUser user) => new(user, null);

    public static SignInResult Failed() => new(null, null);

    public static SignInResult LockedOut(DateTimeOffset until) => new(null, until);
}
