using System.Text.Json.Nodes;
using Luohu.Hub.Host.Security;
using Luohu.Hub.Runtime.RuleLibrary;

namespace Luohu.Hub.Host.Api;

/// <summary>
/// <c>/api/v1/rules/library</c>: each department's rule workflows, saved as drafts and published as immutable
/// versions (history with author and comment, diff, rollback) that flows' rule nodes follow live or pin;
/// <c>/api/v1/rules/export/{department}</c> and <c>/api/v1/rules/import/{department}</c> move RulesEngine JSON in and out.
/// A caller reaches only its own departments' workflows (<see cref="RuleLibraryAccessFilter"/>); every change
/// is audited (<see cref="ChangeAuditFilter"/>).
/// </summary>
internal static class RuleLibraryEndpoints
{
    public static RouteGroupBuilder MapRuleLibraryApi(this RouteGroupBuilder api)
    {
        var rules = api.MapGroup("rules").WithTags("Rules library");
        rules.MapGet("library", ListAsync).WithSummary("The library's workflows (optionally of one department) with their latest version.");
        rules.MapPost("library/{department}", CreateAsync).WithSummary("Creates a workflow's draft (409 if the name exists); returns its problems.");
        rules.MapGet("library/{department}/{name}", (string department, string name, IRuleLibrary library, CancellationToken ct) => library.GetAsync(department, name, ct))
            .WithSummary("A workflow's draft, input cases, versions and the deployed flows that use it.");
        rules.MapPut("library/{department}/{name}", SaveAsync).WithSummary("Saves the workflow's draft (and input cases); returns its problems. Publishing makes it live.");
        rules.MapDelete("library/{department}/{name}", async (string department, string name, IRuleLibrary library, CancellationToken ct) =>
        {
            await library.DeleteAsync(department, name, ct);
            return TypedResults.NoContent();
        }).WithSummary("Deletes the workflow and its history (409 while a deployed flow uses it).");
        rules.MapPost("library/{department}/{name}/publish", PublishAsync)
            .WithSummary("Validates the draft and publishes it as the next version; flows that follow the workflow use it from their next message.");
        rules.MapGet("library/{department}/{name}/versions", (string department, string name, IRuleLibrary library, CancellationToken ct) =>
            library.ListVersionsAsync(department, name, ct));
        rules.MapGet("library/{department}/{name}/versions/{version:int}", (string department, string name, int version, IRuleLibrary library, CancellationToken ct) =>
            library.GetVersionAsync(department, name, version, ct));
        rules.MapGet("library/{department}/{name}/diff", (string department, string name, int from, int to, IRuleLibrary library, CancellationToken ct) =>
            library.DiffAsync(department, name, from, to, ct)).WithSummary("What changed between two versions (?from=1&to=2), field by field.");
        rules.MapPost("library/{department}/{name}/rollback/{version:int}", (string department, string name, int version, HttpContext context, IRuleLibrary library, CancellationToken ct) =>
            library.RollbackAsync(department, name, version, Caller.From(context).Name, ct)).WithSummary("Publishes an earlier version's workflow again, as the next version.");
        rules.MapGet("export/{department}", async (string department, IRuleLibrary library, CancellationToken ct) => TypedResults.Json(await library.ExportAsync(department, ct)))
            .WithSummary("The latest published version of each of the department's workflows, as a RulesEngine JSON array.");
        rules.MapPost("import/{department}", ImportAsync)
            .WithSummary("Saves each workflow of a RulesEngine JSON body (one workflow or an array) as a draft, by its WorkflowName; ?publish=true also publishes each valid one.");
        return api;
    }

    private static async Task<IReadOnlyList<RuleWorkflowSummary>> ListAsync(string? department, HttpContext context, IRuleLibrary library, CancellationToken ct)
    {
        var caller = Caller.From(context);
        return [.. (await library.ListAsync(department, ct)).Where(w => caller.SeesDepartment(w.Department))];
    }

    private static async Task<IResult> CreateAsync(string department, HttpContext context, IRuleLibrary library, CancellationToken ct)
    {
        var body = await ReadDraftAsync(context, ct);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var name = body.Name ?? throw new ApiBadRequestException("No workflow name", "Send { \"name\": \"ParkingNearlyFull\", \"workflow\": { ... } }; the name is the workflow's WorkflowName.");
        var saved = await library.SaveDraftAsync(department, name, body.Workflow!, body.TestCases, body.Description, create: true, Caller.From(context).Name, ct);
        return TypedResults.Created($"/api/v1/rules/library/{department}/{name}", saved);
    }

    private static async Task<IResult> SaveAsync(string department, string name, HttpContext context, IRuleLibrary library, CancellationToken ct)
    {
        var body = await ReadDraftAsync(context, ct);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        if (body.Name is not null && !string.Equals(body.Name, name, StringComparison.Ordinal))
        {
            throw new ApiBadRequestException("Workflow name mismatch", $"The URL names workflow '{name}' but the body's name is '{body.Name}'.");
        }

        return TypedResults.Ok(await library.SaveDraftAsync(department, name, body.Workflow!, body.TestCases, body.Description, create: false, Caller.From(context).Name, ct));
    }

    private static async Task<IResult> PublishAsync(string department, string name, HttpContext context, IRuleLibrary library, CancellationToken ct)
    {
        string? comment = null;
        if (context.Request.ContentLength is null or > 0 && context.Request.HasJsonContentType())
        {
            var (node, problem) = await RulesEndpoints.ReadBodyAsync(context.Request, ct);
            if (problem is not null)
            {
                return problem;
            }

            comment = node is JsonObject envelope && RulesEndpoints.Property(envelope, "comment") is JsonValue text && text.TryGetValue<string>(out var value) ? value : null;
        }

        return TypedResults.Ok(await library.PublishAsync(department, name, Caller.From(context).Name, comment, ct));
    }

    private static async Task<IResult> ImportAsync(string department, bool? publish, HttpContext context, IRuleLibrary library, CancellationToken ct)
    {
        var (node, problem) = await RulesEndpoints.ReadBodyAsync(context.Request, ct);
        return problem ?? (IResult)TypedResults.Ok(await library.ImportAsync(department, node!, publish == true, Caller.From(context).Name, ct));
    }

    /// <summary>A draft body: <c>{ "name", "description", "workflow", "testCases" }</c>; the workflow is required.</summary>
    private static async Task<DraftBody> ReadDraftAsync(HttpContext context, CancellationToken ct)
    {
        var (node, problem) = await RulesEndpoints.ReadBodyAsync(context.Request, ct);
        if (problem is not null)
        {
            return new DraftBody(null, null, null, null, problem);
        }

        if (node is not JsonObject body)
        {
            throw new ApiBadRequestException("The body must be a JSON object", "Send { \"name\": \"...\", \"description\": \"...\", \"workflow\": { \"WorkflowName\": ..., \"Rules\": [ ... ] }, \"testCases\": { \"case\": { \"input\": ... } } }.");
        }

        var workflow = RulesEndpoints.Property(body, "workflow")
            ?? throw new ApiBadRequestException("No workflow", "The body has no \"workflow\" (the RulesEngine workflow: WorkflowName, Rules, ...).");
        var testCases = RulesEndpoints.Property(body, "testCases") switch
        {
            null => null,
            JsonObject cases => cases,
            _ => throw new ApiBadRequestException("Test cases must be an object", "Send \"testCases\": { \"free spaces left\": { \"lot\": { \"free\": 3 } } }: one named case per property, each an object of named inputs."),
        };
        return new DraftBody(Text(body, "name"), Text(body, "description"), workflow, testCases, null);
    }

    private static string? Text(JsonObject body, string property) => RulesEndpoints.Property(body, property) switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var other => throw new ApiBadRequestException($"'{property}' must be text", $"\"{property}\" is {other.GetValueKind()}; send a string."),
    };

    private sealed record DraftBody(string? Name, string? Description, JsonNode? Workflow, JsonObject? TestCases, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Problem);
}
