using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Host.Api;

internal static class HealthEndpoints
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// <c>/healthz</c>: 200 while the hub serves (Healthy or Degraded), 503 when Unhealthy. Anyone (a load balancer, a
    /// probe) gets the status alone; a signed-in caller or key also gets each check with its details (plugin versions
    /// and states, the broker's address and errors), which would tell a stranger too much.
    /// </summary>
    public static IEndpointRouteBuilder MapHubHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString() }, Indented));
        }

        var body = new
        {
            status = report.Status.ToString(),
            durationMs = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Indented));
    }
}
