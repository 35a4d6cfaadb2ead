using Luohu.Hub.Host.Security;
using Luohu.Hub.Runtime.Capabilities;

namespace Luohu.Hub.Host.Api;

/// <summary>
/// <c>/api/v1/vendors</c>: which plugin serves each capability, which one runs in shadow, and the shadow comparison
/// (agreement, latency per vendor side by side). Changing a choice is for ops (like enabling a plugin) and audited.
/// </summary>
internal static class VendorsEndpoints
{
    public static RouteGroupBuilder MapVendorsApi(this RouteGroupBuilder api)
    {
        var vendors = api.MapGroup("/vendors").WithTags("Vendors");
        vendors.MapGet("/", (VendorService service) => TypedResults.Ok(service.List()))
            .WithSummary("Every action with its vendors: providers, the one serving, the one in shadow, and the comparison so far.");
        vendors.MapGet("/{capability}", (string capability, VendorService service) =>
                service.Get(capability) is { } view ? Results.Ok(view) : NotFound(capability))
            .WithSummary("One capability's vendors and shadow comparison.");
        vendors.MapPut("/{capability}", SetAsync)
            .WithSummary("{ serving?, shadow? }: the plugin that serves the capability (null: the default) and the one sent the same calls in shadow (null: none). Live; flows are untouched.");
        return api;
    }

    private static async Task<IResult> SetAsync(string capability, VendorChoiceBody? body, HttpContext context, VendorService service, CancellationToken ct)
    {
        if (body is null)
        {
            throw new ApiBadRequestException("Vendor choice missing", "Send { \"serving\": \"plugin id or null\", \"shadow\": \"plugin id or null\" }.");
        }

        try
        {
            return Results.Ok(await service.SetAsync(capability, body.Serving, body.Shadow, Caller.From(context).Audit("capability.vendors", capability), ct));
        }
        catch (VendorChoiceException ex) when (ex.NotFound)
        {
            return NotFound(capability);
        }
        catch (VendorChoiceException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "Vendor choice not possible",
                extensions: new Dictionary<string, object?> { ["field"] = ex.Field, ["capability"] = capability });
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string capability) =>
        TypedResults.Problem($"No running plugin offers the action '{capability}'. GET /api/v1/vendors lists the capabilities and their vendors.",
            statusCode: StatusCodes.Status404NotFound, title: "Capability not available");
}
