namespace Luohu.Hub.Host.Gateway;

/// <summary>The gateway's limits and caching, bound from <c>Hub:Gateway</c>.</summary>
internal sealed class GatewayOptions
{
    public const string SectionName = "Hub:Gateway";

    /// <summary>Rate limits per consumer, one policy per kind of endpoint.</summary>
    public GatewayRateLimits RateLimits { get; set; } = new();

    /// <summary>How the data services cache their answers.</summary>
    public DataServiceOptions Data { get; set; } = new();
}
