namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>What one vendor did in a shadow comparison.</summary>
/// <param name="PluginId">The vendor's plugin.</param>
/// <param name="Calls">Calls answered or failed since the comparison started.</param>
/// <param name="Failures">Calls that failed (any error, input errors included).</param>
/// <param name="P50Milliseconds">Median latency of the last 4,096 calls.</param>
/// <param name="P99Milliseconds">99th percentile latency of the last 4,096 calls.</param>
/// <param name="MeanMilliseconds">Mean latency of the last 4,096 calls.</param>
internal sealed record VendorSideView(string PluginId, long Calls, long Failures, double? P50Milliseconds, double? P99Milliseconds, double? MeanMilliseconds);
