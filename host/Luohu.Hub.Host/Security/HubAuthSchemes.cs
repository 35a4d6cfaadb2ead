namespace Luohu.Hub.Host.Security;

/// <summary>Authentication scheme names: the policy scheme picks the key scheme when <c>X-Api-Key</c> is present, else the cookie.</summary>
internal static class HubAuthSchemes
{
    public const string Hub = "Hub";
    public const string Cookie = "HubCookie";
    public const string ApiKey = "ApiKey";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string CookieName = "luohu.session";
}
