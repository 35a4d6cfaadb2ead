using System.Text.Json;
using Luohu.Hub.Host.Api;
using Luohu.Hub.Mqtt;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

/// <summary>
/// <c>/api/v1/devices</c>: device credentials for the embedded MQTT broker, issued by a department for its devices
/// (user name <c>lhd_{id}</c>, password shown once in the 201 answer, stored as SHA-256), listed without secrets,
/// revoked at once (connected clients using it are disconnected). Issue and revoke are audited.
/// </summary>
internal static class DevicesEndpoints
{
    public static RouteGroupBuilder MapDevicesApi(this RouteGroupBuilder api)
    {
        var devices = api.MapGroup("/devices").WithTags("MQTT");
        devices.MapPost("/", IssueAsync).WithSummary("Issues a device credential { department, name, publish? }; the password is in the answer only.");
        devices.MapGet("/", async (string? department, HttpContext context, IDeviceCredentialStore store, CancellationToken ct) =>
        {
            var caller = Caller.From(context);
            var all = await store.ListAsync(department, ct);
            return TypedResults.Ok(all.Where(c => caller.SeesDepartment(c.Department)).Select(DeviceCredentialView.Of).ToList());
        }).WithSummary("Device credentials of your departments (admins: all, or ?department=), without secrets.");
        devices.MapDelete("/{id}", RevokeAsync).WithSummary("Revokes a device credential at once and disconnects the clients using it.");
        return api;
    }

    private static async Task<IResult> IssueAsync(
        HttpContext context, IDeviceCredentialStore store, ISecurityStore security, IGrantCache grants, IAuditLog audit, TimeProvider time, IMqttStatus mqtt, CancellationToken ct)
    {
        var caller = Caller.From(context);
        var request = ReadRequest(await ApiJson.ReadBodyAsync(context, ct));
        if (!(await security.ListDepartmentsAsync(ct)).Any(d => d.Id == request.Department))
        {
            throw new ApiBadRequestException("Unknown department", $"'{request.Department}' is not a department; GET /api/v1/departments lists them.");
        }

        if (!caller.SeesDepartment(request.Department))
        {
            return TypedResults.Problem($"Devices of department '{request.Department}' are issued by its own members or an admin; you belong to {string.Join(", ", caller.Departments)}.",
                statusCode: StatusCodes.Status403Forbidden, title: "Not your department");
        }

        var publish = request.Publish ?? [];
        foreach (var filter in publish)
        {
            if (!TopicFilter.TryParse(filter, out _, out var error))
            {
                throw new ApiBadRequestException("Invalid publish filter", $"publish: {error}");
            }

            if (grants.Current.CheckStream(request.Department, filter) is { } missing)
            {
                throw new ApiBadRequestException("Publish filter outside the department's grants", $"publish '{filter}': {missing}");
            }
        }

        var (id, secret) = DeviceCredentialTokens.Create();
        var credential = new DeviceCredential
        {
            Id = id,
            Name = request.Name.Trim(),
            Department = request.Department,
            Publish = [.. publish.Distinct(StringComparer.Ordinal)],
            SecretHash = ApiKeyTokens.HashSecret(secret),
            CreatedBy = caller.Name,
            CreatedAt = time.GetUtcNow(),
        };
        await store.InsertAsync(credential, ct);
        var view = DeviceCredentialView.Of(credential);
        await audit.AppendAsync(caller.Audit("device.issue", id) with { After = JsonSerializer.Serialize(view) }, ct);
        return TypedResults.Created($"/api/v1/devices/{id}", new IssuedCredential(view, credential.UserName, secret, mqtt.GetState().EmbeddedBroker?.Endpoints ?? []));
    }

    private static async Task<IResult> RevokeAsync(string id, HttpContext context, IDeviceCredentialStore store, IAuditLog audit, TimeProvider time, IServiceProvider services, CancellationToken ct)
    {
        var caller = Caller.From(context);
        var credential = await store.FindAsync(id, ct);
        if (credential is null || !caller.SeesDepartment(credential.Department))
        {
            return TypedResults.Problem($"No device credential '{id}' of your departments. GET /api/v1/devices lists them.", statusCode: StatusCodes.Status404NotFound, title: "Device credential not found");
        }

        if (!await store.RevokeAsync(id, time.GetUtcNow(), ct))
        {
            return TypedResults.Problem($"Device credential '{id}' was revoked already.", statusCode: StatusCodes.Status409Conflict, title: "Already revoked");
        }

        if (services.GetService<Luohu.Hub.Mqtt.Broker.EmbeddedBroker>() is { } broker)
        {
            await broker.DisconnectCredentialAsync(id);
        }

        await audit.AppendAsync(caller.Audit("device.revoke", id) with { Before = JsonSerializer.Serialize(DeviceCredentialView.Of(credential)) }, ct);
        return TypedResults.NoContent();
    }

    private static DeviceRequest ReadRequest(JsonElement body)
    {
        try
        {
            var request = body.Deserialize<DeviceRequest>(ApiJson.WebOptions);
            if (request is null || string.IsNullOrWhiteSpace(request.Department) || string.IsNullOrWhiteSpace(request.Name))
            {
                throw new ApiBadRequestException("Missing department or name", "Say whose device it is and name it: { \"department\": \"traffic\", \"name\": \"car park LH-0042 gateway\" }.");
            }

            return request;
        }
        catch (JsonException error)
        {
            throw new ApiBadRequestException("Invalid device request", $"The body does not fit {{ department, name, publish? }}: {ApiJson.Explain(error)}");
        }
    }

    private sealed record DeviceRequest(string Department, string Name, IReadOnlyList<string>? Publish);

    /// <param name="Credential">The stored credential, without its secret.</param>
    /// <param name="UserName">The MQTT user name.</param>
    /// <param name="Password">The MQTT password; shown only in this answer.</param>
    /// <param name="Endpoints">Where the embedded broker listens.</param>
    private sealed record IssuedCredential(DeviceCredentialView Credential, string UserName, string Password, IReadOnlyList<string> Endpoints);
}
