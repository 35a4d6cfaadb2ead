namespace Luohu.Hub.Designer.Accounts;

/// <summary>The outcome of a designer sign-in: signed in, wrong credentials, or locked out until a moment.</summary>
internal sealed record DesignerSignInResult(bool Succeeded, DateTimeOffset? LockedUntil)
{
    public static DesignerSignInResult Success { get; } = new(true, null);

    public static DesignerSignInResult Failed { get; } = new(false, null);

    public static DesignerSignInResult LockedOut(DateTimeOffset until) => new(false, until);
}
