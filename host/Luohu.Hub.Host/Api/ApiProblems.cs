using System.Globalization;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Flows;
using Luohu.Hub.Runtime.Plugins;
using Luohu.Hub.Runtime.RuleLibrary;

namespace Luohu.Hub.Host.Api;

internal static class ApiProblems
{
    public static IResult From(PluginOperationException error) => error.Kind switch
    {
        PluginErrorKind.NotFound => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status404NotFound, title: "Plugin not found"),
        PluginErrorKind.InvalidPackage => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid plugin package"),
        _ => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status409Conflict, title: "Plugin operation conflicts"),
    };

    public static IResult From(FlowException error) => error.Kind switch
    {
        FlowErrorKind.NotFound => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status404NotFound, title: "Flow not found"),
        FlowErrorKind.Invalid => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid flow",
            extensions: new Dictionary<string, object?> { ["problems"] = error.Problems }),
        _ => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status409Conflict, title: "Flow operation conflicts"),
    };

    public static IResult From(RuleLibraryException error) => error.Kind switch
    {
        RuleLibraryErrorKind.NotFound => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status404NotFound, title: "Rule workflow not found"),
        RuleLibraryErrorKind.Invalid => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid rule workflow",
            extensions: new Dictionary<string, object?> { ["problems"] = error.Problems }),
        _ => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status409Conflict, title: "Rule workflow operation conflicts"),
    };

    public static IResult From(CapabilityException error, HttpContext context)
    {
        var extensions = new Dictionary<string, object?> { ["capability"] = error.Capability };
        if (error.Field is not null)
        {
            extensions["field"] = error.Field;
        }

        if (error.RetryAfter is { } retryAfter)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            extensions["retryAfterSeconds"] = seconds;
        }

        var (status, title) = error.Kind switch
        {
            CapabilityErrorKind.NotFound => (StatusCodes.Status404NotFound, "Capability not available"),
            CapabilityErrorKind.InvalidInput => (StatusCodes.Status400BadRequest, "Invalid capability input"),
            CapabilityErrorKind.Denied => (StatusCodes.Status403Forbidden, "Capability not granted"),
            CapabilityErrorKind.Unavailable => (StatusCodes.Status503ServiceUnavailable, "Capability temporarily unavailable"),
            CapabilityErrorKind.Timeout => (StatusCodes.Status504GatewayTimeout, "Capability timed out"),
            CapabilityErrorKind.ProcessExited => (StatusCodes.Status502BadGateway, "Plugin process exited during the call"),
            _ => (StatusCodes.Status502BadGateway, "Capability failed"),
        };
        return TypedResults.Problem(error.Message, statusCode: status, title: title, extensions: extensions);
    }
}
