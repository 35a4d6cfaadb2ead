using System.Diagnostics;
using Luohu.Hub.Runtime.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Luohu.Hub.Benchmarks.Telemetry;

/// <summary>
/// What listens to the hub in each measured mode: nothing (<c>off</c>), the OpenTelemetry SDK aggregating the hub's
/// meters (<c>metrics</c>), and every message traced too (<c>metrics+traces</c>: sampler always on, spans batched to an
/// exporter that drops them), as <c>Hub:Telemetry</c> with an OTLP endpoint sets them up.
/// </summary>
internal sealed class TelemetryListeners : IDisposable
{
    public static readonly string[] Modes = ["off", "metrics", "metrics+traces"];

    private readonly MeterProvider? _meters;
    private readonly TracerProvider? _tracer;

    public TelemetryListeners(string mode)
    {
        if (mode != "off")
        {
            _meters = OpenTelemetry.Sdk.CreateMeterProviderBuilder()
                .AddMeter(HubTelemetry.Name + "*")
                .AddReader(new PeriodicExportingMetricReader(new DiscardingExporter<Metric>(), exportIntervalMilliseconds: 10_000))
                .Build();
        }

        if (mode == "metrics+traces")
        {
            _tracer = OpenTelemetry.Sdk.CreateTracerProviderBuilder()
                .AddSource(HubTelemetry.Name)
                .SetSampler(new AlwaysOnSampler())
                .AddProcessor(new BatchActivityExportProcessor(new DiscardingExporter<Activity>()))
                .Build();
        }
    }

    public void Dispose()
    {
        _tracer?.Dispose();
        _meters?.Dispose();
    }
}
