using System.Text.Json;
using Luohu.Hub.Host.Api;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

/// <summary>
/// <c>/api/v1/secrets</c>: a department's named secrets (webhook HMAC keys and shared secrets). Set and removed by the
/// department's editors, integrators and ops (admins: any department), encrypted at rest, audited by name, and never
/// returned: a GET lists names and who set them when.
/// </summary>
internal static class SecretsEndpoints
{
    public static RouteGroupBuilder MapSecretsApi(this RouteGroupBuilder api)
    {
        var secrets = api.MapGroup("/secrets").WithTags("Security");
        secrets.MapGet("/", (string? department, HttpContext context, IDepartmentSecrets store) =>
        {
            var caller = Caller.From(context);
            return TypedResults.Ok(store.List(department).Where(s => caller.SeesDepartment(s.Department)).ToList());
        }).WithSummary("Names of your departments' secrets (admins: all, or ?department=), never their values.");
        secrets.MapPut("/{department}/{name}", SetAsync).WithSummary("Creates or replaces a secret { value }; the value is never shown again.");
        secrets.MapDelete("/{department}/{name}", DeleteAsync).WithSummary("Removes a secret; webhooks naming it refuse every request until it is set again.");
        return api;
    }

    private static async Task<IResult> SetAsync(string department, string name, HttpContext context, IDepartmentSecrets store, ISecurityStore security, CancellationToken ct)
    {
        var caller = Caller.From(context);
        if (await Refuse(department, name, caller, security, ct) is { } refusal)
        {
            return refusal;
        }

        var body = await ApiJson.ReadBodyAsync(context, ct);
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
        {
            throw new ApiBadRequestException("Invalid secret", "Send { \"value\": \"...\" } with a non-empty string.");
        }

        if (value.GetString()!.Length > DepartmentSecrets.MaxValueLength)
        {
            throw new ApiBadRequestException("Secret too long", $"value: at most {DepartmentSecrets.MaxValueLength:N0} characters.");
        }

        var existed = store.Exists(department, name);
        await store.SetAsync(department, name, value.GetString()!, caller.Audit("secret.set", $"{department}/{name}"), ct);
        var info = store.List(department).Single(s => s.Name == name);
        return existed ? TypedResults.Ok(info) : TypedResults.Created($"/api/v1/secrets/{department}/{name}", info);
    }

    private static async Task<IResult> DeleteAsync(string department, string name, HttpContext context, IDepartmentSecrets store, ISecurityStore security, CancellationToken ct)
    {
        var caller = Caller.From(context);
        if (await Refuse(department, name, caller, security, ct) is { } refusal)
        {
            return refusal;
        }

        return await store.DeleteAsync(department, name, caller.Audit("secret.delete", $"{department}/{name}"), ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"Department '{department}' has no secret '{name}'.", statusCode: StatusCodes.Status404NotFound, title: "No such secret");
    }

    private static async Task<IResult?> Refuse(string department, string name, Caller caller, ISecurityStore security, CancellationToken ct)
    {
        if (!DepartmentSecrets.IsValidName(name))
        {
            throw new ApiBadRequestException("Invalid secret name", "A secret name is letters, digits, '.', '_' or '-', at most 100, starting with a letter or digit.");
        }

        ApiIdentifiers.DepartmentId(department);
        if (!(await security.ListDepartmentsAsync(ct)).Any(d => d.Id == department))
        {
            throw new ApiBadRequestException("Unknown department", $"'{department}' is not a department; GET /api/v1/departments lists them.");
        }

        return caller.SeesDepartment(department)
            ? null
            : TypedResults.Problem($"Secrets of department '{department}' are kept by its own members or an admin.", statusCode: StatusCodes.Status403Forbidden, title: "Not your department");
    }
}
