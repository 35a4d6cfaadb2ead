namespace Luohu.Hub.Host.Gateway;

/// <summary>
/// A consumer's own limit. A list entry rather than a dictionary key because consumer ids contain ':' which
/// the configuration system reads as a section separator.
/// </summary>
internal sealed class RateLimitOverride
{
    /// <summary>The consumer id as <see cref="GatewayConsumer.Resolve"/> gives it, e.g. <c>key:7f3a…</c>.</summary>
    public string Consumer { get; set; } = string.Empty;

    /// <summary>Requests per period for this consumer; the policy's value when unset.</summary>
    public int? PermitsPerPeriod { get; set; }

    /// <summary>Bucket size for this consumer; <see cref="PermitsPerPeriod"/> when unset.</summary>
    public int? Burst { get; set; }
}
