using Luohu.Hub.Host.Security;

namespace Luohu.Hub.Host.Api;

/// <summary><c>/api/v1/alerts</c>: recent alerts raised by the flows the caller may read, newest first.</summary>
internal static class AlertsEndpoints
{
    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts", async (string? department, int? take, HttpContext context, DepartmentScope scope, CancellationToken ct) =>
                TypedResults.Ok(await scope.ListAlertsAsync(Caller.From(context), department, Math.Clamp(take ?? 100, 1, 1000), ct)))
            .WithTags("Alerts")
            .WithSummary("Recent alerts of the flows the caller may read (admins: all), or of one ?department=, newest first.");
        return api;
    }
}
