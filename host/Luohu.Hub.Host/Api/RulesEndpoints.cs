using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Luohu.Hub.Host.Api;

/// <summary>
/// <c>POST rules/validate</c> (workflow, or <c>{ workflow, inputs }</c> → problems; with inputs, lambda expressions are also
/// checked against the inputs' types) and <c>POST rules/evaluate</c> (workflow + inputs → result tree). The library
/// lives beside them (<see cref="RuleLibraryEndpoints"/>). Bodies are read by hand so that malformed JSON gets a
/// problem-details answer naming the path, line and byte.
/// </summary>
internal static class RulesEndpoints
{
    public static RouteGroupBuilder MapRulesApi(this RouteGroupBuilder api)
    {
        var rules = api.MapGroup("rules").WithTags("Rules");
        rules.MapPost("validate", ValidateAsync).WithName("ValidateRuleWorkflow").Accepts<Workflow>("application/json");
        rules.MapPost("evaluate", EvaluateAsync).WithName("EvaluateRuleWorkflow").Accepts<JsonObject>("application/json");
        return api;
    }

    private static async Task<Results<Ok<ValidationResponse>, ProblemHttpResult>> ValidateAsync(
        HttpRequest request, WorkflowValidator validator, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body.Node is not { } node)
        {
            return body.Problem!;
        }

        // { "workflow": ..., "inputs": ... } (a workflow has Rules, an envelope has workflow) or the workflow itself.
        var envelope = node is JsonObject obj && Property(obj, "workflow") is not null && Property(obj, "Rules") is null ? obj : null;
        var workflow = ToWorkflow(envelope is null ? node : Property(envelope, "workflow")!, envelope is null ? "$" : "$.workflow", out var problem);
        if (workflow is null)
        {
            return problem!;
        }

        var inputsNode = envelope is null ? null : Property(envelope, "inputs");
        if (inputsNode is not null and not JsonObject)
        {
            return BadRequest("The inputs must be a JSON object.", "Send \"inputs\": { \"lot\": { ... } }; each property is one named input.", "$.inputs");
        }

        var inputs = (inputsNode as JsonObject)?.ToDictionary(p => p.Key, p => p.Value);
        var problems = validator.Validate(workflow, inputs).Select(p => new ProblemItem(p.Path, p.Message, p.Line, p.Column)).ToList();
        return TypedResults.Ok(new ValidationResponse(problems));
    }

    private static async Task<Results<JsonHttpResult<WorkflowResult>, ProblemHttpResult, ValidationProblem>> EvaluateAsync(
        HttpRequest request, WorkflowValidator validator, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body.Node is null)
        {
            return body.Problem!;
        }

        if (body.Node is not JsonObject envelope)
        {
            return BadRequest("The body must be a JSON object.", "Send { \"workflow\": { ... }, \"inputs\": { \"name\": value } }.", "$");
        }

        var workflowNode = Property(envelope, "workflow");
        if (workflowNode is null)
        {
            return BadRequest("The body has no workflow.", "Add a \"workflow\" property holding the rule workflow (WorkflowName, Rules, ...).", "$.workflow");
        }

        var workflow = ToWorkflow(workflowNode, "$.workflow", out var problem);
        if (workflow is null)
        {
            return problem!;
        }

        var inputsNode = Property(envelope, "inputs");
        if (inputsNode is not null and not JsonObject)
        {
            return BadRequest("The inputs must be a JSON object.", "Send \"inputs\": { \"lot\": { ... }, \"limits\": { ... } }; each property is one named input.", "$.inputs");
        }

        var problems = validator.Validate(workflow);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(
                problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                detail: "The workflow has problems; fix them (see errors by path) and evaluate again.",
                title: "Invalid rule workflow");
        }

        var inputs = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in (JsonObject?)inputsNode ?? [])
        {
            inputs[name] = value?.DeepClone();
        }

        try
        {
            var result = await engine.EvaluateAsync(workflow, inputs, null, cancellationToken);
            return TypedResults.Json(result, WorkflowJson.WriteOptions);
        }
        catch (WorkflowRefusedException ex)
        {
            return TypedResults.ValidationProblem(
                ex.Problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                detail: "The workflow was refused before anything ran; fix the expressions named (see errors by path).",
                title: "Workflow refused");
        }
        catch (ArgumentException ex)
        {
            return BadRequest("An input cannot be used.", ex.Message, "$.inputs");
        }
    }

    internal static async Task<(JsonNode? Node, ProblemHttpResult? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            // The API's bounded read (413 over Hub:Api:MaxJsonBodyBytes); parsed here leniently, as rule files have comments.
            var node = JsonNode.Parse(
                (await ApiJson.ReadBytesAsync(request.HttpContext, cancellationToken)).Span,
                new JsonNodeOptions { PropertyNameCaseInsensitive = true },
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false });
            if (node is null)
            {
                return (null, BadRequest("The body is JSON null.", "Send a JSON object.", "$"));
            }

            return DuplicateIn(node, "$") is { } path
                ? (null, BadRequest("A property appears twice.", $"An object has two properties of the same name (compared without case) at {path}; keep one.", path))
                : (node, null);
        }
        catch (JsonException ex)
        {
            return (null, Malformed(ex, "$", withPosition: true));
        }
    }

    /// <summary>
    /// The path of the first object holding one name twice. Names are compared without case here (as RulesEngine reads
    /// them), and a JSON object node only notices when first read: every object is read now, not in the middle of a run.
    /// </summary>
    private static string? DuplicateIn(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                try
                {
                    _ = obj.Count;
                }
                catch (ArgumentException)
                {
                    return path;
                }

                foreach (var (name, child) in obj)
                {
                    if (child is not null && DuplicateIn(child, $"{path}.{name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item && DuplicateIn(item, $"{path}[{i}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static Workflow? ToWorkflow(JsonNode node, string basePath, out ProblemHttpResult? problem)
    {
        problem = null;
        if (node is not JsonObject)
        {
            problem = BadRequest("The workflow must be a JSON object.", "Send { \"WorkflowName\": \"...\", \"Rules\": [ ... ] }.", basePath);
            return null;
        }

        try
        {
            return node.Deserialize<Workflow>(WorkflowJson.ReadOptions);
        }
        catch (JsonException ex)
        {
            // Positions would refer to the re-read node, not the body the client sent: the path says where.
            problem = Malformed(ex, basePath, withPosition: false);
            return null;
        }
    }

    internal static JsonNode? Property(JsonObject envelope, string name) =>
        envelope.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static ProblemHttpResult Malformed(JsonException ex, string basePath, bool withPosition)
    {
        var path = ex.Path is null or "$" ? basePath : basePath + ex.Path.TrimStart('$');
        var extensions = new Dictionary<string, object?> { ["path"] = path };
        var position = string.Empty;
        if (withPosition && ex.LineNumber is long line)
        {
            extensions["line"] = line + 1;
            extensions["bytePositionInLine"] = ex.BytePositionInLine + 1;
            position = $" at line {line + 1}, byte {ex.BytePositionInLine + 1}";
        }

        var reason = withPosition ? ApiJson.Explain(ex) : $"a value has the wrong JSON type ({ApiJson.Explain(ex)})";
        return TypedResults.Problem(
            title: "Malformed JSON",
            detail: $"The request body could not be read{position} (path {path}): {reason}",
            statusCode: StatusCodes.Status400BadRequest,
            extensions: extensions);
    }

    private static ProblemHttpResult BadRequest(string title, string detail, string path) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["path"] = path });

    /// <summary>The answer of <c>rules/validate</c>: every problem at once; empty when the workflow is valid.</summary>
    internal sealed record ValidationResponse(IReadOnlyList<ProblemItem> Problems);

    /// <summary>One problem: where (<c>Rules[2].Rules[0].Expression</c>, and the line and column inside it) and what.</summary>
    internal sealed record ProblemItem(string Path, string Message, int? Line = null, int? Column = null);
}
