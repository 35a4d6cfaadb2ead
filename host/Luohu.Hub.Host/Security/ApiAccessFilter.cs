using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

/// <summary>
/// Applies <see cref="ApiAccess"/> and the CSRF rule to every <c>/api/v1</c> endpoint. A cookie-authenticated unsafe
/// request must carry <c>X-Requested-With</c>: a cross-site HTML form cannot set a header, and a script on another
/// origin cannot either without a CORS preflight this hub never grants. API keys are not sent by browsers, so key
/// requests need no such header.
/// </summary>
internal sealed class ApiAccessFilter(IAuditLog audit, ILogger<ApiAccessFilter> logger) : IEndpointFilter
{
    public const string CsrfHeader = "X-Requested-With";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = Caller.From(http);
        if (caller.Kind == "anonymous")
        {
            return await next(context);
        }

        var method = http.Request.Method;
        var unsafeMethod = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
        if (unsafeMethod && caller.Kind == "user" && !http.Request.Headers.ContainsKey(CsrfHeader))
        {
            return TypedResults.Problem(
                $"Requests signed in by cookie that change something must carry the header '{CsrfHeader}' (any value, e.g. XMLHttpRequest); it protects against cross-site form posts. Machines should use an API key instead.",
                statusCode: StatusCodes.Status403Forbidden, title: "Missing anti-forgery header");
        }

        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? string.Empty;
        route = "/" + route.Replace("//", "/", StringComparison.Ordinal).TrimStart('/');
        if (ApiAccess.Check(method, route, caller) is { } needed)
        {
            var detail = $"{method} {route} needs one of the roles {string.Join(", ", needed)}; '{caller.Name}' has {(caller.Roles.Count == 0 ? "none" : string.Join(", ", caller.Roles))}.";
            await AuditSafelyAsync(audit, logger, caller.Audit("access.denied", $"{method} {route}", "denied") with { Detail = detail }, http.RequestAborted);
            return TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Role missing");
        }

        return await next(context);
    }

    /// <summary>Appends a denial; a failing audit log is logged and does not turn the denial into a 500.</summary>
    internal static async Task AuditSafelyAsync(IAuditLog audit, ILogger logger, AuditEvent entry, CancellationToken cancellationToken)
    {
        try
        {
            await audit.AppendAsync(entry, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SecurityLog.AuditWriteFailed(logger, ex, entry.Action, entry.Target);
        }
    }
}
