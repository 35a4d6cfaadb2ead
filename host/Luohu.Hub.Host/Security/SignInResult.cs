using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

internal sealed record SignInResult(HubUser? User, DateTimeOffset? LockedUntil, string? Refusal = null)
{
    /// <summary>The request itself is unacceptable (a name or password too long): nothing was checked or written.</summary>
    public static SignInResult Invalid(string refusal) => new(null, null, refusal);

    public static SignInResult Success(HubUser user) => new(user, null);

    public static SignInResult Failed() => new(null, null);

    public static SignInResult LockedOut(DateTimeOffset until) => new(null, until);
}
