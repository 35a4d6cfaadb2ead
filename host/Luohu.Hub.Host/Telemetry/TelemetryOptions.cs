namespace Luohu.Hub.Host.Telemetry;

/// <summary><c>Hub:Telemetry</c>: where the hub's metrics and traces go. Nothing is exported, and nothing listens, by default.</summary>
internal sealed class TelemetryOptions
{
    public const string Section = "Hub:Telemetry";

    /// <summary>OTLP collector address (<c>http://collector:4317</c>); null = no OTLP export of metrics or traces.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (port 4317, the default) or <c>http/protobuf</c> (port 4318).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>Share of messages traced (their children follow the parent's decision); 1 = every message.</summary>
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary>The <c>service.name</c> resource attribute.</summary>
    public string ServiceName { get; set; } = "luohu-hub";

    public PrometheusOptions Prometheus { get; set; } = new();
}
