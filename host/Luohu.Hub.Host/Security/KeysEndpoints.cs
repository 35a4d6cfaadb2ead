using System.Text.Json;
using Luohu.Hub.Host.Api;
using Luohu.Hub.Runtime.Security;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Host.Security;

/// <summary>
/// <c>/api/v1/keys</c>: a signed-in user creates keys for machines (the secret is shown once, in the 201 answer),
/// lists and revokes them. A key gets at most its creator's departments and roles (an admin may give any).
/// </summary>
internal static class KeysEndpoints
{
    public static RouteGroupBuilder MapKeysApi(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/keys").WithTags("Security");
        keys.MapPost("/", CreateAsync).WithSummary("Creates an API key { name, departments?, roles?, expiresInDays? }; the key is in the answer only.");
        keys.MapGet("/", async (string? owner, HttpContext context, ISecurityStore store, CancellationToken ct) =>
        {
            var caller = Caller.From(context);
            var list = await store.ListKeysAsync(caller.IsAdmin ? owner : OwnerOf(caller), ct);
            return TypedResults.Ok(list.Select(KeyView.Of).ToList());
        }).WithSummary("Your keys (admins: every key, or ?owner=) without their secrets.");
        keys.MapDelete("/{id}", RevokeAsync).WithSummary("Revokes a key at once.");
        return api;
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, ISecurityStore store, IAuditLog audit, TimeProvider time, IOptions<SecurityOptions> options, CancellationToken ct)
    {
        var caller = Caller.From(context);
        if (caller.Kind != "user")
        {
            return TypedResults.Problem("Keys are created by a signed-in user (POST /api/v1/session), not by another key.",
                statusCode: StatusCodes.Status403Forbidden, title: "Sign in to create keys");
        }

        var request = ReadRequest(await ApiJson.ReadBodyAsync(context, ct));
        var departments = request.Departments ?? caller.Departments;
        var roles = request.Roles ?? caller.Roles;
        if (roles.FirstOrDefault(r => !HubRoles.IsKnown(r)) is { } unknown)
        {
            throw new ApiBadRequestException("Unknown role", $"'{unknown}' is not a role; roles are {string.Join(", ", HubRoles.All)}.");
        }

        if (!caller.IsAdmin && (departments.Except(caller.Departments).Any() || roles.Except(caller.Roles).Any()))
        {
            return TypedResults.Problem($"A key cannot hold more than its creator: you have departments {string.Join(", ", caller.Departments)} and roles {string.Join(", ", caller.Roles)}.",
                statusCode: StatusCodes.Status403Forbidden, title: "More than you have");
        }

        var lifetime = request.ExpiresInDays is { } days ? TimeSpan.FromDays(days) : options.Value.DefaultKeyLifetime;
        if (lifetime <= TimeSpan.Zero || lifetime > options.Value.MaxKeyLifetime)
        {
            throw new ApiBadRequestException("Invalid expiry", $"expiresInDays must be more than 0 and at most {options.Value.MaxKeyLifetime.TotalDays:0} (Hub:Auth:MaxKeyLifetime).");
        }

        var now = time.GetUtcNow();
        var (prefix, secret, token) = ApiKeyTokens.Create();
        var key = new ApiKey
        {
            Id = Guid.NewGuid().ToString("N")[..16],
            Name = request.Name,
            Prefix = prefix,
            SecretHash = ApiKeyTokens.HashSecret(secret),
            Owner = caller.Name,
            Departments = [.. departments.Distinct(StringComparer.Ordinal)],
            Roles = [.. roles.Distinct(StringComparer.Ordinal)],
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        await store.InsertKeyAsync(key, ct);
        await audit.AppendAsync(caller.Audit("key.create", key.Id) with { After = JsonSerializer.Serialize(KeyView.Of(key)) }, ct);
        return TypedResults.Created($"/api/v1/keys/{key.Id}", new CreatedKey(KeyView.Of(key), token));
    }

    private static async Task<IResult> RevokeAsync(string id, HttpContext context, ISecurityStore store, IAuditLog audit, ApiKeyValidator validator, TimeProvider time, CancellationToken ct)
    {
        var caller = Caller.From(context);
        var key = await store.FindKeyAsync(id, ct);
        if (key is null || (!caller.IsAdmin && key.Owner != OwnerOf(caller)))
        {
            return TypedResults.Problem($"No key with id '{id}' of yours. GET /api/v1/keys lists them.", statusCode: StatusCodes.Status404NotFound, title: "Key not found");
        }

        await store.RevokeKeyAsync(id, time.GetUtcNow(), ct);
        validator.Evict(key.Prefix);
        await audit.AppendAsync(caller.Audit("key.revoke", id) with { Before = JsonSerializer.Serialize(KeyView.Of(key)) }, ct);
        return TypedResults.NoContent();
    }

    /// <summary>A key acts for its owner when listing or revoking: <c>key:{name}</c> callers see their owner's keys.</summary>
    private static string OwnerOf(Caller caller) => caller.Name;

    private static KeyRequest ReadRequest(JsonElement body)
    {
        try
        {
            var request = body.Deserialize<KeyRequest>(ApiJson.WebOptions);
            if (request is null || string.IsNullOrWhiteSpace(request.Name))
            {
                throw new ApiBadRequestException("Missing key name", "Name the key after its consumer: { \"name\": \"parking-map-app\" }.");
            }

            return request;
        }
        catch (JsonException error)
        {
            throw new ApiBadRequestException("Invalid key request", $"The body does not fit {{ name, departments?, roles?, expiresInDays? }}: {ApiJson.Explain(error)}");
        }
    }

    private sealed record KeyRequest(string Name, IReadOnlyList<string>? Departments, IReadOnlyList<string>? Roles, double? ExpiresInDays);

    /// <param name="Key">The stored key.</param>
    /// <param name="Secret">The whole key to send as X-Api-Key; shown only in this answer.</param>
    private sealed record CreatedKey(KeyView Key, string Secret);
}
