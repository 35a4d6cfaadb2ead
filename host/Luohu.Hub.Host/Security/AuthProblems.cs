namespace Luohu.Hub.Host.Security;

/// <summary>401 and 403 as RFC 7807 problem details: API callers never get a sign-in redirect.</summary>
internal static class AuthProblems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        return Results.Problem(detail, statusCode: status, title: title).ExecuteAsync(context);
    }
}
