namespace Luohu.Hub.Host.Telemetry;

/// <summary><c>Hub:Telemetry:Prometheus</c>: a scrape endpoint, off by default; when on, it needs an ops or admin API key.</summary>
internal sealed class PrometheusOptions
{
    public bool Enabled { get; set; }

    /// <summary>The scrape path.</summary>
    public string Path { get; set; } = "/metrics";

    /// <summary>When set, the endpoint answers only on this port (add it to the hub's <c>--urls</c>), never on the public one.</summary>
    public int? Port { get; set; }
}
