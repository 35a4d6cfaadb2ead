using Luohu.Hub.Runtime.Security;
using Luohu.Hub.Runtime.Telemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Luohu.Hub.Host.Telemetry;

/// <summary>OpenTelemetry for the hub's meters and activity source: OTLP when configured, a Prometheus scrape endpoint when enabled.</summary>
internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>The hub's meters (<c>Luohu.Hub</c>, <c>Luohu.Hub.Mqtt</c>, <c>Luohu.Hub.Outbox</c>) and the framework's HTTP ones.</summary>
    private static readonly string[] Meters = [HubTelemetry.Name + "*", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"];

    public static IServiceCollection AddHubTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.AddSingleton(options);
        if (options.OtlpEndpoint is null && !options.Prometheus.Enabled)
        {
            // Nothing registers a listener: the instruments and the activity source stay at their cheapest.
            return services;
        }

        var protocol = string.Equals(options.OtlpProtocol, "http/protobuf", StringComparison.OrdinalIgnoreCase) ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters);
                if (options.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (endpoint, protocol));
                }

                if (options.Prometheus.Enabled)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (options.OtlpEndpoint is { } traceEndpoint)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(HubTelemetry.Name, "System.Net.Http", "Microsoft.AspNetCore")
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(Math.Clamp(options.TraceSampleRatio, 0, 1))))
                .AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (traceEndpoint, protocol)));
        }

        return services;
    }

    /// <summary>The Prometheus scrape endpoint when enabled: an ops or admin key (X-Api-Key) or session, and its own port when one is set.</summary>
    public static WebApplication MapHubMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TelemetryOptions>().Prometheus;
        if (!options.Enabled)
        {
            return app;
        }

        var endpoint = app.MapPrometheusScrapingEndpoint(options.Path)
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireRole(HubRoles.Ops, HubRoles.Admin));
        if (options.Port is { } port)
        {
            endpoint.RequireHost($"*:{port}");
        }

        return app;
    }
}
