using System.Text.Json;
using Luohu.Hub.Host.Api;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

/// <summary><c>/api/v1/departments</c> and <c>/api/v1/users</c> (changes: admin). Password hashes never leave the store.</summary>
internal static class DirectoryEndpoints
{
    private const int MinPasswordLength = 10;

    public static RouteGroupBuilder MapDirectoryApi(this RouteGroupBuilder api)
    {
        var departments = api.MapGroup("/departments").WithTags("Security");
        departments.MapGet("/", (ISecurityStore store, CancellationToken ct) => store.ListDepartmentsAsync(ct));
        departments.MapPut("/{id}", async (string id, HttpContext context, ISecurityStore store, IAuditLog audit, CancellationToken ct) =>
        {
            ApiIdentifiers.DepartmentId(id);
            var body = Read<DepartmentRequest>(await ApiJson.ReadBodyAsync(context, ct), "department");
            var department = new Department(id, ApiIdentifiers.DisplayName(body.NameZh, "Chinese name") ?? id, ApiIdentifiers.DisplayName(body.NameEn, "English name") ?? id);
            await store.UpsertDepartmentAsync(department, ct);
            await audit.AppendAsync(Caller.From(context).Audit("department.save", id) with { After = JsonSerializer.Serialize(department) }, ct);
            return TypedResults.Ok(department);
        }).WithSummary("Creates or renames a department { nameZh, nameEn }.");
        departments.MapDelete("/{id}", async (string id, HttpContext context, ISecurityStore store, IGrantCache grants, IAuditLog audit, CancellationToken ct) =>
        {
            if (!await store.DeleteDepartmentAsync(id, ct))
            {
                return Results.Problem($"No department '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Department not found");
            }

            await grants.ReloadAsync(ct);
            await audit.AppendAsync(Caller.From(context).Audit("department.delete", id), ct);
            return Results.NoContent();
        });

        var users = api.MapGroup("/users").WithTags("Security");
        users.MapGet("/", async (ISecurityStore store, CancellationToken ct) => (await store.ListUsersAsync(ct)).Select(UserView.Of).ToList());
        users.MapPut("/{name}", SaveUserAsync).WithSummary("Creates or changes a user { displayName, password?, roles, departments }.");
        users.MapDelete("/{name}", async (string name, HttpContext context, ISecurityStore store, IAuditLog audit, CancellationToken ct) =>
        {
            if (!await store.DeleteUserAsync(name, ct))
            {
                return Results.Problem($"No user '{name}'.", statusCode: StatusCodes.Status404NotFound, title: "User not found");
            }

            await audit.AppendAsync(Caller.From(context).Audit("user.delete", name), ct);
            return Results.NoContent();
        });
        return api;
    }

    private static async Task<IResult> SaveUserAsync(string name, HttpContext context, ISecurityStore store, IAuditLog audit, TimeProvider time, CancellationToken ct)
    {
        ApiIdentifiers.UserName(name);
        var body = Read<UserRequest>(await ApiJson.ReadBodyAsync(context, ct), "user");
        ApiIdentifiers.DisplayName(body.DisplayName, "display name");
        if (body.Password is { Length: > Passwords.MaxLength })
        {
            throw new ApiBadRequestException("Password too long", $"Passwords have at most {Passwords.MaxLength} characters.");
        }

        var existing = await store.FindUserAsync(name, ct);
        if (existing is null && string.IsNullOrEmpty(body.Password))
        {
            throw new ApiBadRequestException("Missing password", $"A new user needs a password of at least {MinPasswordLength} characters.");
        }

        if (body.Password is { Length: < MinPasswordLength })
        {
            throw new ApiBadRequestException("Password too short", $"Passwords need at least {MinPasswordLength} characters.");
        }

        var roles = body.Roles ?? existing?.Roles ?? [HubRoles.Viewer];
        if (roles.FirstOrDefault(r => !HubRoles.IsKnown(r)) is { } unknown)
        {
            throw new ApiBadRequestException("Unknown role", $"'{unknown}' is not a role; roles are {string.Join(", ", HubRoles.All)}.");
        }

        var departments = body.Departments ?? existing?.Departments ?? [];
        var known = (await store.ListDepartmentsAsync(ct)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        if (departments.FirstOrDefault(d => !known.Contains(d)) is { } missing)
        {
            throw new ApiBadRequestException("Unknown department", $"There is no department '{missing}'. GET /api/v1/departments lists them.");
        }

        var now = time.GetUtcNow();
        var user = new HubUser
        {
            Name = name,
            DisplayName = body.DisplayName ?? existing?.DisplayName ?? name,
            PasswordHash = body.Password is { } password ? Passwords.Hash(password) : existing!.PasswordHash,
            Roles = roles,
            Departments = departments,
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
        };
        await store.UpsertUserAsync(user, ct);
        await audit.AppendAsync(Caller.From(context).Audit(existing is null ? "user.create" : "user.update", name) with
        {
            Before = existing is null ? null : JsonSerializer.Serialize(UserView.Of(existing)),
            After = JsonSerializer.Serialize(UserView.Of(user)),
            Detail = body.Password is null ? null : "password set",
        }, ct);
        return TypedResults.Ok(UserView.Of(user));
    }

    internal static T Read<T>(JsonElement body, string what)
    {
        try
        {
            return body.Deserialize<T>(ApiJson.WebOptions) ?? throw new ApiBadRequestException($"Invalid {what}", $"The body must be a JSON object describing the {what}.");
        }
        catch (JsonException error)
        {
            throw new ApiBadRequestException($"Invalid {what}", $"The {what} JSON does not fit the format: {ApiJson.Explain(error)}");
        }
    }

    private sealed record DepartmentRequest(string? NameZh, string? NameEn);

    private sealed record UserRequest(string? DisplayName, string? Password, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Departments);
}
