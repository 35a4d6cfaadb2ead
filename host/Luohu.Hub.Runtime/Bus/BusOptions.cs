namespace Luohu.Hub.Runtime.Bus;

/// <summary>Bus-wide settings (section <c>Hub:Bus</c> when bound from configuration).</summary>
public sealed class BusOptions
{
    /// <summary>
    /// How long disposing a subscription waits for its queued and in-flight messages to be handled before
    /// it cancels the handler and discards the rest (counted as dropped). Default 10 seconds.
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
