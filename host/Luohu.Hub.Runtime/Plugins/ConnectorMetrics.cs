namespace Luohu.Hub.Runtime.Plugins;

/// <summary>Calls through the invoker (actions) or runs and restarts (event sources) of one connector.</summary>
internal sealed record ConnectorMetrics
{
    public long Calls { get; init; }
    public long Failures { get; init; }
    public long Timeouts { get; init; }
    public long Rejected { get; init; }
    public double ErrorRate { get; init; }
    public double LatencyP50Ms { get; init; }
    public double LatencyP99Ms { get; init; }

    /// <summary>Closed, Open or HalfOpen.</summary>
    public string Circuit { get; init; } = "Closed";
    public long EventsEmitted { get; init; }
    public int Restarts { get; init; }
    public string? LastError { get; init; }
}
