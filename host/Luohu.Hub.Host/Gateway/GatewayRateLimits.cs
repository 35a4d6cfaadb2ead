namespace Luohu.Hub.Host.Gateway;

/// <summary>The rate-limit policies of <c>Hub:Gateway:RateLimits</c>.</summary>
internal sealed class GatewayRateLimits
{
    /// <summary>
    /// <c>POST /api/v1/capabilities/{capability}</c>: each call reaches a plugin (a bank, an AI engine), so the
    /// default is modest: 10 calls per second per consumer, bursts of 20.
    /// </summary>
    public RateLimitPolicyOptions Capabilities { get; set; } = new() { PermitsPerPeriod = 10, Burst = 20 };

    /// <summary>
    /// <c>GET /api/v1/data/*</c>: answered from a cache, so the default is generous: 50 requests per second per
    /// consumer, bursts of 100 (a map app serving many drivers gets a per-consumer override).
    /// </summary>
    public RateLimitPolicyOptions Data { get; set; } = new() { PermitsPerPeriod = 50, Burst = 100 };
}
