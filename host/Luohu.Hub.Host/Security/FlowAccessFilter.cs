using System.Text.Json;
using Luohu.Hub.Runtime.Flows;

namespace Luohu.Hub.Host.Security;

/// <summary>
/// Departments own their flows: another department's flow, its versions and deploys answer 404 (as if absent, so
/// ids do not leak) unless the flow's <c>sharedWith</c> names one of the caller's departments, which may then read
/// it but not change it (403); a flow can only be saved for one of the caller's departments; lists show the caller's
/// departments' flows and those shared with them. Admins see and change all.
/// </summary>
internal sealed class FlowAccessFilter(IFlowService flows) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = Caller.From(http);
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? string.Empty;
        if (caller.IsAdmin || !route.Contains("/flows", StringComparison.Ordinal))
        {
            return await next(context);
        }

        var method = http.Request.Method;
        var reads = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || http.GetEndpoint()?.Metadata.GetMetadata<ReadsFlow>() is not null;
        if (http.Request.RouteValues.TryGetValue("id", out var raw) && raw is string id
            && await flows.GetSummaryAsync(id, http.RequestAborted) is { } existing && !caller.SeesDepartment(existing.Department))
        {
            if (!caller.ReadsFlow(existing.Department, existing.SharedWith))
            {
                throw new FlowException(FlowErrorKind.NotFound, $"No flow with id '{id}'. GET /api/v1/flows lists the flows.");
            }

            if (!reads)
            {
                return TypedResults.Problem(
                    $"Flow '{id}' belongs to department '{existing.Department}' and is shared with {string.Join(", ", existing.SharedWith)} read-only; only '{existing.Department}' (or an admin) can change, deploy, roll back, inject into or delete it.",
                    statusCode: StatusCodes.Status403Forbidden, title: "Shared read-only");
            }
        }

        if ((HttpMethods.IsPost(method) || HttpMethods.IsPut(method)) && await BodyDepartmentAsync(http) is { } department
            && !caller.SeesDepartment(department))
        {
            return TypedResults.Problem(
                $"'{caller.Name}' belongs to {(caller.Departments.Count == 0 ? "no department" : string.Join(", ", caller.Departments))} and cannot save a flow for department '{department}'.",
                statusCode: StatusCodes.Status403Forbidden, title: "Not your department");
        }

        var result = await next(context);
        return result is IReadOnlyList<FlowSummary> list ? list.Where(f => caller.ReadsFlow(f.Department, f.SharedWith)).ToList() : result;
    }

    /// <summary>The <c>department</c> of a JSON flow body, read without consuming it for the endpoint.</summary>
    private static async Task<string?> BodyDepartmentAsync(HttpContext http)
    {
        if (http.Request.ContentLength is 0 || http.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        http.Request.EnableBuffering();
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("department", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            // The endpoint reports malformed JSON with its line and byte; nothing to decide here.
            return null;
        }
        finally
        {
            http.Request.Body.Position = 0;
        }
    }
}
