using System.Text.Json;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

/// <summary>
/// Grants on every capability call. A flow calls for its department (<see cref="InvocationContext.Department"/>);
/// an API call for the key's or user's departments, any one grant sufficing. An admin calling through the API may
/// call anything (admins keep the district running; every such call of a sensitive family is still audited).
/// A call with neither a department nor a signed-in caller is refused: nothing is open by default.
/// A <c>camera.*</c> call naming a <c>cameraId</c> is checked against the device group the provider lists for that
/// camera (<see cref="CameraGroupResolver"/>), not only the group the caller claims in <c>deviceGroup</c>.
/// A device listing (<c>camera.list</c>) naming no group is allowed with a grant narrowed to some groups: the invoker
/// then answers only those groups' devices (<see cref="VisibleDeviceGroupsAsync"/>).
/// </summary>
internal sealed class HubCapabilityAuthorizer(
    IGrantCache grants, IHttpContextAccessor http, IAuditLog audit, CameraGroupResolver cameras, ILogger<HubCapabilityAuthorizer> logger) : ICapabilityAuthorizer
{
    public ValueTask<string?> AuthorizeAsync(string capability, string providerId, InvocationContext context, CancellationToken cancellationToken) =>
        AuthorizeAsync(capability, providerId, default, context, cancellationToken);

    public async ValueTask<string?> AuthorizeAsync(string capability, string providerId, JsonElement input, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var deviceGroup = GrantSet.DeviceGroupOf(input);
        var anyDeviceGroup = DeviceListing.ListsEveryGroup(capability, input);
        string? mismatch = null;
        if (capability.StartsWith("camera.", StringComparison.Ordinal) && CameraIdOf(input) is { } cameraId
            && await cameras.GroupOfAsync(providerId, cameraId, cancellationToken) is { } actual)
        {
            if (deviceGroup is not null && deviceGroup != actual)
            {
                mismatch = $"Camera '{cameraId}' is in device group '{actual}', not '{deviceGroup}'; a grant for device group '{actual}' is needed.";
            }

            deviceGroup = actual;
        }

        Caller caller;
        string? denied;
        if (context.Department is { } department)
        {
            caller = context.FlowId is { } flow ? new Caller($"flow:{flow}", "flow", [department], [], null) : new Caller("system", "system", [department], [], null);
            denied = mismatch ?? grants.Current.CheckCapability([department], capability, deviceGroup, anyDeviceGroup);
        }
        else if (http.HttpContext is { User.Identity.IsAuthenticated: true } request)
        {
            caller = Caller.From(request);
            denied = caller.IsAdmin ? null : mismatch ?? grants.Current.CheckCapability(caller.Departments, capability, deviceGroup, anyDeviceGroup);
        }
        else
        {
            caller = new Caller("anonymous", "anonymous", [], [], null);
            denied = $"Calling '{capability}' needs a department: a flow's, or a signed-in caller's.";
        }

        if (denied is not null)
        {
            SecurityLog.CapabilityDenied(logger, capability, caller.Name, denied);
            try
            {
                await audit.AppendAsync(caller.Audit("capability.call", capability, "denied") with
                {
                    Detail = denied,
                    After = JsonSerializer.Serialize(new { provider = providerId, departments = caller.Departments, deviceGroup, correlationId = context.CorrelationId }),
                }, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SecurityLog.AuditWriteFailed(logger, ex, "capability.call", capability);
            }
        }

        return denied;
    }

    public ValueTask<IReadOnlySet<string>?> VisibleDeviceGroupsAsync(string capability, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Department is { } department)
        {
            return ValueTask.FromResult(grants.Current.VisibleDeviceGroups([department], capability));
        }

        if (http.HttpContext is not { User.Identity.IsAuthenticated: true } request)
        {
            return ValueTask.FromResult<IReadOnlySet<string>?>(new HashSet<string>(StringComparer.Ordinal));
        }

        var caller = Caller.From(request);
        return ValueTask.FromResult(caller.IsAdmin ? null : grants.Current.VisibleDeviceGroups(caller.Departments, capability));
    }

    private static string? CameraIdOf(JsonElement input) =>
        input.ValueKind == JsonValueKind.Object && input.TryGetProperty("cameraId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
