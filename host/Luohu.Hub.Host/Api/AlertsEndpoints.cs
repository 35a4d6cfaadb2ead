using Luohu.Hub.Runtime.Flows.Alerts;

namespace Luohu.Hub.Host.Api;

/// <summary><c>/api/v1/alerts</c>: recent alerts raised by flows, newest first.</summary>
internal static class AlertsEndpoints
{
    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts", (string? department, int? take, IAlertLog alerts) =>
                TypedResults.Ok(alerts.List(department, Math.Clamp(take ?? 100, 1, 1000))))
            .WithTags("Alerts")
            .WithSummary("Recent alerts of every flow, or of one ?department=, newest first.");
        return api;
    }
}
