namespace Luohu.Hub.Host.Gateway;

/// <summary>Names of the rate-limit policies endpoints opt into with <c>RequireRateLimiting</c>.</summary>
internal static class GatewayPolicies
{
    public const string Capabilities = "capabilities";
    public const string Data = "data";
}
