using Luohu.Hub.Runtime.RuleLibrary;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

/// <summary>
/// Departments own their rule workflows: a route naming another department (<c>rules/library/{department}/...</c>,
/// <c>rules/export/{department}</c>, <c>rules/import/{department}</c>) answers 404 to a read, as if absent, and 403 to a
/// change (audited as <c>access.denied</c>), whether or not the workflow exists, so names do not leak. Admins reach
/// every department.
/// </summary>
internal sealed class RuleLibraryAccessFilter(IAuditLog audit, ILogger<RuleLibraryAccessFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? string.Empty;
        if (!route.Contains("rules/", StringComparison.Ordinal) || !http.Request.RouteValues.TryGetValue("department", out var raw) || raw is not string department)
        {
            return await next(context);
        }

        var caller = Caller.From(http);
        if (caller.SeesDepartment(department))
        {
            return await next(context);
        }

        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            throw new RuleLibraryException(RuleLibraryErrorKind.NotFound,
                $"Department '{department}' has no rule workflow by that name. GET /api/v1/rules/library lists the workflows you can reach.");
        }

        var detail = $"'{caller.Name}' belongs to {(caller.Departments.Count == 0 ? "no department" : string.Join(", ", caller.Departments))} and cannot change department '{department}''s rule workflows.";
        await ApiAccessFilter.AuditSafelyAsync(audit, logger, caller.Audit("access.denied", $"{http.Request.Method} {http.Request.Path}", "denied") with { Detail = detail }, http.RequestAborted);
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not your department");
    }
}
