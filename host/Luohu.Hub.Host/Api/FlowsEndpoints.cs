using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows;

namespace Luohu.Hub.Host.Api;

/// <summary><c>/api/v1/flows</c>: drafts, validation, live deploys, versions, rollback, test injection.</summary>
internal static class FlowsEndpoints
{
    public static RouteGroupBuilder MapFlowsApi(this RouteGroupBuilder api)
    {
        var flows = api.MapGroup("/flows").WithTags("Flows");
        flows.MapGet("/", (string? department, IFlowService service, CancellationToken ct) => service.ListAsync(department, ct))
            .WithSummary("The flows (optionally of one department) with their state.");
        flows.MapGet("/node-types", (Runtime.Flows.Nodes.IFlowNodeTypeRegistry registry) => TypedResults.Ok(registry.List()))
            .WithSummary("Every node type with its category, ports and config JSON schema (the designer's palette and forms).");
        flows.MapPost("/validate", async (HttpContext context, IFlowService service, CancellationToken ct) =>
            TypedResults.Ok(new ProblemList(service.Validate(await ReadFlowAsync(context, ct)))))
            .WithSummary("Every problem of a flow, with node ids and paths; does not save.");
        flows.MapPost("/", CreateAsync).WithSummary("Creates a flow draft (409 if the id exists).");
        flows.MapGet("/{id}", async (string id, IFlowService service, CancellationToken ct) =>
                await service.GetAsync(id, ct) ?? throw NotFound(id))
            .WithSummary("The flow's current draft in the public flow format (this is the export).");
        flows.MapPut("/{id}", ReplaceAsync).WithSummary("Creates or replaces the flow's draft; returns its problems.");
        flows.MapDelete("/{id}", async (string id, HttpContext context, IFlowService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, Author(context), ct);
            return TypedResults.NoContent();
        });
        flows.MapPost("/{id}/deploy", DeployAsync).WithSummary("Validates the draft, stores it as the next version and swaps it in live.");
        flows.MapGet("/{id}/versions", (string id, IFlowService service, CancellationToken ct) => service.ListVersionsAsync(id, ct));
        flows.MapGet("/{id}/versions/{version:int}", (string id, int version, IFlowService service, CancellationToken ct) =>
            service.GetVersionAsync(id, version, ct));
        flows.MapGet("/{id}/diff", (string id, int from, int to, IFlowService service, CancellationToken ct) =>
            service.DiffAsync(id, from, to, ct)).WithSummary("What changed between two versions (?from=1&to=2).");
        flows.MapPost("/{id}/rollback/{version:int}", (string id, int version, HttpContext context, IFlowService service, CancellationToken ct) =>
            service.RollbackAsync(id, version, Author(context), ct)).WithSummary("Deploys an earlier version again.");
        flows.MapPost("/{id}/inject", InjectAsync).WithSummary("Sends a test message into a node of the deployed version.");
        flows.MapPost("/{id}/watch", WatchAsync).WithMetadata(Security.ReadsFlow.Instance)
            .WithSummary("For a lease (renew it while watching), copies what a node of the deployed version emits to $hub/debug/{id}/{node}.");
        return api;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IFlowService service, CancellationToken ct)
    {
        var flow = await ReadFlowAsync(context, ct);
        if (await service.GetAsync(flow.Id, ct) is not null)
        {
            throw new FlowException(FlowErrorKind.Conflict, $"A flow with id '{flow.Id}' exists already. Use PUT /api/v1/flows/{flow.Id} to change it.");
        }

        var problems = await service.SaveAsync(flow, Author(context), ct);
        return TypedResults.Created($"/api/v1/flows/{flow.Id}", new SavedFlow(flow.Id, problems));
    }

    private static async Task<IResult> ReplaceAsync(string id, HttpContext context, IFlowService service, CancellationToken ct)
    {
        var flow = await ReadFlowAsync(context, ct);
        if (!string.Equals(flow.Id, id, StringComparison.Ordinal))
        {
            throw new ApiBadRequestException("Flow id mismatch", $"The URL names flow '{id}' but the body's id is '{flow.Id}'.");
        }

        var problems = await service.SaveAsync(flow, Author(context), ct);
        return TypedResults.Ok(new SavedFlow(flow.Id, problems));
    }

    private static async Task<FlowDeployment> DeployAsync(string id, HttpContext context, IFlowService service, CancellationToken ct)
    {
        string? comment = null;
        // A client that streams its JSON (chunked, no Content-Length) sends a comment too.
        if (context.Request.ContentLength is null or > 0 && context.Request.HasJsonContentType())
        {
            var body = await ApiJson.ReadBodyAsync(context, ct);
            comment = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("comment", out var c) ? c.GetString() : null;
        }

        return await service.DeployAsync(id, Author(context), comment, ct);
    }

    private static async Task<IResult> InjectAsync(string id, HttpContext context, IFlowService service, CancellationToken ct)
    {
        var body = await ApiJson.ReadBodyAsync(context, ct);
        var request = Deserialize<InjectRequest>(body, "inject request");
        if (string.IsNullOrWhiteSpace(request.Node))
        {
            throw new ApiBadRequestException("Missing node", "Name the node to inject into: { \"node\": \"calc\", \"payload\": { ... } }.");
        }

        var messageId = await service.InjectAsync(id, request.Node, request.Topic, request.Payload, ct);
        return TypedResults.Accepted((string?)null, new { messageId });
    }

    private static async Task<IResult> WatchAsync(string id, HttpContext context, IFlowService service, TimeProvider clock, CancellationToken ct)
    {
        var request = Deserialize<WatchRequest>(await ApiJson.ReadBodyAsync(context, ct), "watch request");
        if (string.IsNullOrWhiteSpace(request.Node))
        {
            throw new ApiBadRequestException("Missing node", "Name the node to watch: { \"node\": \"calc\" }.");
        }

        var until = await service.WatchAsync(id, request.Node, ct);
        return TypedResults.Ok(new WatchLease(request.Node, $"$hub/debug/{id}/{request.Node}", until, (int)Math.Round((until - clock.GetUtcNow()).TotalSeconds)));
    }

    private static async Task<FlowDefinition> ReadFlowAsync(HttpContext context, CancellationToken ct) =>
        Deserialize<FlowDefinition>(await ApiJson.ReadBodyAsync(context, ct), "flow");

    private static T Deserialize<T>(JsonElement body, string what)
    {
        try
        {
            return body.Deserialize<T>(ApiJson.WebOptions)
                ?? throw new ApiBadRequestException($"Invalid {what}", $"The body must be a JSON object describing the {what}.");
        }
        catch (JsonException error)
        {
            var where = string.IsNullOrEmpty(error.Path) || error.Path == "$" ? string.Empty : $" at {error.Path}";
            throw new ApiBadRequestException($"Invalid {what}", $"The {what} JSON does not fit the format{where}: {ApiJson.Explain(error)}");
        }
    }

    private static string Author(HttpContext context) => context.User.Identity?.Name ?? "anonymous";

    private static FlowException NotFound(string id) =>
        new(FlowErrorKind.NotFound, $"No flow with id '{id}'. GET /api/v1/flows lists the flows.");

    private sealed record ProblemList(IReadOnlyList<FlowProblem> Problems);

    private sealed record SavedFlow(string Id, IReadOnlyList<FlowProblem> Problems);

    private sealed record WatchRequest(string? Node);

    private sealed record WatchLease(string Node, string Topic, DateTimeOffset ExpiresAt, int LeaseSeconds);

    private sealed record InjectRequest(string? Node, string? Topic, JsonNode? Payload);
}
