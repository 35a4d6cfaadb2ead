namespace Luohu.Hub.Host.Security;

/// <summary>
/// The claims every authenticated request carries (the contract with the gateway): <see cref="System.Security.Claims.ClaimTypes.Name"/>
/// (user name or <c>key:{keyName}</c>), <see cref="Consumer"/>, one <see cref="Department"/> per department, one
/// <see cref="System.Security.Claims.ClaimTypes.Role"/> per role, and <see cref="Auth"/>.
/// </summary>
internal static class HubClaims
{
    /// <summary>The rate-limit partition: <c>key:{keyId}</c> for API keys, <c>user:{userName}</c> for users.</summary>
    public const string Consumer = "luohu:consumer";

    /// <summary>One claim per department the caller belongs to.</summary>
    public const string Department = "luohu:department";

    /// <summary>How the caller signed in: <see cref="AuthCookie"/> or <see cref="AuthKey"/>.</summary>
    public const string Auth = "luohu:auth";

    public const string AuthCookie = "cookie";
    public const string AuthKey = "key";

    /// <summary>The key's id (API keys only), for revoking "this key".</summary>
    public const string KeyId = "luohu:key-id";
}
