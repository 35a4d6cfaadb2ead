using System.Security.Claims;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

/// <summary>Builds the principal of the claims contract (<see cref="HubClaims"/>) for users and keys.</summary>
internal static class HubPrincipals
{
    public static ClaimsPrincipal ForUser(HubUser user, string scheme)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Name),
            new(HubClaims.Consumer, $"user:{user.Name}"),
            new(HubClaims.Auth, HubClaims.AuthCookie),
        };
        claims.AddRange(user.Departments.Select(d => new Claim(HubClaims.Department, d)));
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static ClaimsPrincipal ForKey(ApiKey key, string scheme)
    {
        ArgumentNullException.ThrowIfNull(key);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, $"key:{key.Name}"),
            new(HubClaims.Consumer, $"key:{key.Id}"),
            new(HubClaims.Auth, HubClaims.AuthKey),
            new(HubClaims.KeyId, key.Id),
        };
        claims.AddRange(key.Departments.Select(d => new Claim(HubClaims.Department, d)));
        claims.AddRange(key.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
