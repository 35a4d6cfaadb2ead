using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Flows;
using Luohu.Hub.Runtime.Plugins;
using Luohu.Hub.Runtime.RuleLibrary;
using Luohu.Hub.Runtime.Storage;

namespace Luohu.Hub.Host.Api;

/// <summary>
/// Turns the runtime's expected failures into RFC 7807 problems with the right status (a full data folder is 507).
/// Anything else is a bug and goes to the exception handler as a 500.
/// </summary>
internal sealed class ApiExceptionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ApiBadRequestException error)
        {
            return TypedResults.Problem(error.Message, statusCode: error.Status, title: error.Title);
        }
        catch (PluginOperationException error)
        {
            return ApiProblems.From(error);
        }
        catch (CapabilityException error)
        {
            return ApiProblems.From(error, context.HttpContext);
        }
        catch (FlowException error)
        {
            return ApiProblems.From(error);
        }
        catch (RuleLibraryException error)
        {
            return ApiProblems.From(error);
        }
        catch (Exception error) when (StorageFull.IsCause(error))
        {
            // Not a bug of the hub and not the caller's: 507 Insufficient Storage, the change rolled back with its transaction.
            return TypedResults.Problem(StorageFull.Detail, statusCode: StatusCodes.Status507InsufficientStorage, title: StorageFull.Title);
        }
    }
}
