using System.Text.Json;
using Luohu.Hub.Host.Api;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

/// <summary><c>/api/v1/grants</c>: which department may use which capability or stream (changes: admin).</summary>
internal static class GrantsEndpoints
{
    public static RouteGroupBuilder MapGrantsApi(this RouteGroupBuilder api)
    {
        var grants = api.MapGroup("/grants").WithTags("Security");
        grants.MapGet("/", (string? department, IGrantCache cache) =>
            TypedResults.Ok(department is null ? cache.Current.All : cache.Current.Of(department).ToList()));
        grants.MapPost("/", CreateAsync).WithSummary("Adds a grant { department, kind: capability|stream, target, deviceGroups? }.");
        grants.MapDelete("/{id}", async (string id, HttpContext context, ISecurityStore store, IGrantCache cache, IAuditLog audit, CancellationToken ct) =>
        {
            if (await store.DeleteGrantAsync(id, ct) is not { } removed)
            {
                return Results.Problem($"No grant '{id}'. GET /api/v1/grants lists them.", statusCode: StatusCodes.Status404NotFound, title: "Grant not found");
            }

            await cache.ReloadAsync(ct);
            await audit.AppendAsync(Caller.From(context).Audit("grant.delete", id) with { Before = JsonSerializer.Serialize(removed) }, ct);
            return Results.NoContent();
        });
        return api;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, ISecurityStore store, IGrantCache cache, IAuditLog audit, TimeProvider time, CancellationToken ct)
    {
        var body = DirectoryEndpoints.Read<GrantRequest>(await ApiJson.ReadBodyAsync(context, ct), "grant");
        if (string.IsNullOrWhiteSpace(body.Department) || string.IsNullOrWhiteSpace(body.Target))
        {
            throw new ApiBadRequestException("Incomplete grant", "A grant needs { \"department\", \"kind\": \"capability\" | \"stream\", \"target\" }.");
        }

        if (!(await store.ListDepartmentsAsync(ct)).Any(d => d.Id == body.Department))
        {
            throw new ApiBadRequestException("Unknown department", $"There is no department '{body.Department}'. GET /api/v1/departments lists them.");
        }

        var kind = body.Kind?.ToLowerInvariant() switch
        {
            "capability" or null => GrantKind.Capability,
            "stream" => GrantKind.Stream,
            _ => throw new ApiBadRequestException("Unknown grant kind", $"kind is 'capability' or 'stream', not '{body.Kind}'."),
        };
        if (kind == GrantKind.Capability && !CapabilityPattern.IsValid(body.Target))
        {
            throw new ApiBadRequestException("Invalid capability pattern", $"'{body.Target}' is not a capability id, a family pattern like 'credit.*', or '*'.");
        }

        if (kind == GrantKind.Stream && !TopicFilter.TryParse(body.Target, out _, out var error))
        {
            throw new ApiBadRequestException("Invalid topic filter", $"'{body.Target}': {error}");
        }

        var grant = new Grant
        {
            Id = Guid.NewGuid().ToString("N")[..16],
            Department = body.Department,
            Kind = kind,
            Target = body.Target,
            DeviceGroups = body.DeviceGroups ?? [],
            CreatedBy = Caller.From(context).Name,
            CreatedAt = time.GetUtcNow(),
        };
        await store.InsertGrantAsync(grant, ct);
        await cache.ReloadAsync(ct);
        await audit.AppendAsync(Caller.From(context).Audit("grant.create", grant.Id) with { After = JsonSerializer.Serialize(grant) }, ct);
        return TypedResults.Created($"/api/v1/grants/{grant.Id}", grant);
    }

    private sealed record GrantRequest(string? Department, string? Kind, string? Target, IReadOnlyList<string>? DeviceGroups);
}
