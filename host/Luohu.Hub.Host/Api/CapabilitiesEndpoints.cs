using Luohu.Hub.Host.Gateway;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Api;

/// <summary><c>/api/v1/capabilities</c>: the unified capability API — whichever plugin serves it answers.</summary>
internal static class CapabilitiesEndpoints
{
    public static RouteGroupBuilder MapCapabilitiesApi(this RouteGroupBuilder api)
    {
        var capabilities = api.MapGroup("/capabilities").WithTags("Capabilities");
        capabilities.MapGet("/", (string? department, ICapabilityCatalog catalog, IGrantCache grants) =>
                TypedResults.Ok(department is null
                    ? catalog.List()
                    : catalog.List().Where(c => FlowGrantCheck.Allows(grants.Current, department, c)).ToList()))
            .WithSummary("Every action and event source with its input and output JSON schema; ?department= only those its flows may use (its grants).");
        capabilities.MapPost("/{capability}", InvokeAsync)
            .RequireRateLimiting(GatewayPolicies.Capabilities)
            .WithSummary("Runs an action of whichever plugin serves the capability (?provider= picks one).");
        return api;
    }

    private static async Task<IResult> InvokeAsync(
        string capability, string? provider, HttpContext context, ICapabilityInvoker invoker, CancellationToken cancellationToken)
    {
        var input = await ApiJson.ReadBodyAsync(context, cancellationToken);
        var invocation = new InvocationContext
        {
            CorrelationId = context.TraceIdentifier,
            Provider = provider,
        };
        var output = await invoker.InvokeAsync(capability, input, invocation, cancellationToken);
        return TypedResults.Json(output);
    }
}
