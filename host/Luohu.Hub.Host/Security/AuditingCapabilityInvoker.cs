using System.Text.Json;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

/// <summary>
/// Audits every call of a capability whose descriptor is <see cref="CapabilityDescriptor.Sensitive"/> (credit, faces,
/// snapshots, signal phases): caller, department, provider and outcome — never the input, which may hold a citizen's
/// data. Denials are audited by the authorizer.
/// </summary>
internal sealed class AuditingCapabilityInvoker(
    CapabilityInvoker inner, ICapabilityCatalog catalog, IAuditLog audit, IHttpContextAccessor http, ILogger<AuditingCapabilityInvoker> logger) : ICapabilityInvoker
{
    public async ValueTask<JsonElement> InvokeAsync(string capability, JsonElement input, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (catalog.Find(capability) is not { Sensitive: true })
        {
            return await inner.InvokeAsync(capability, input, context, cancellationToken);
        }

        var outcome = "failed";
        string? detail = null;
        try
        {
            var output = await inner.InvokeAsync(capability, input, context, cancellationToken);
            outcome = "ok";
            return output;
        }
        catch (CapabilityException ex)
        {
            outcome = ex.Kind == CapabilityErrorKind.Denied ? "denied" : "failed";
            detail = ex.Kind.ToString();
            throw;
        }
        finally
        {
            if (outcome != "denied")
            {
                await WriteAsync(capability, context, outcome, detail);
            }
        }
    }

    private async Task WriteAsync(string capability, InvocationContext context, string outcome, string? detail)
    {
        var caller = context.FlowId is { } flow
            ? new Caller($"flow:{flow}", "flow", context.Department is null ? [] : [context.Department], [], null)
            : http.HttpContext is { } request ? Caller.From(request) : new Caller("system", "system", [], [], null);
        try
        {
            await audit.AppendAsync(caller.Audit("capability.call", capability, outcome) with
            {
                Detail = detail,
                After = JsonSerializer.Serialize(new
                {
                    department = context.Department, departments = caller.Departments, provider = context.Provider, correlationId = context.CorrelationId,
                    flowVersion = context.FlowVersion, nodeId = context.NodeId, idempotencyKey = context.IdempotencyKey,
                }),
            }, CancellationToken.None);
        }
        catch (Exception ex)
        {
            SecurityLog.AuditWriteFailed(logger, ex, "capability.call", capability);
        }
    }
}
