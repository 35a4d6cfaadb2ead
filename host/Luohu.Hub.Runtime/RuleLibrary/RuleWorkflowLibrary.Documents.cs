using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Scripting;
using Luohu.Hub.Runtime.Storage;

namespace Luohu.Hub.Runtime.RuleLibrary;

/// <summary>Reading, checking, importing and exporting the library's documents.</summary>
internal sealed partial class RuleWorkflowLibrary
{
    public async ValueTask<IReadOnlyList<RuleImportResult>> ImportAsync(string department, JsonNode body, bool publish, string author, CancellationToken cancellationToken)
    {
        var workflows = body switch
        {
            JsonArray list => [.. list],
            JsonObject one => new List<JsonNode?> { one },
            _ => throw new RuleLibraryException(RuleLibraryErrorKind.Invalid, "An import is one RulesEngine workflow (a JSON object) or a list of them (an array)."),
        };

        var results = new List<RuleImportResult>(workflows.Count);
        for (var i = 0; i < workflows.Count; i++)
        {
            var name = Property(workflows[i] as JsonObject, "WorkflowName") is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            if (workflows[i] is not JsonObject workflow || name is null || !RuleWorkflowNames.IsValid(name))
            {
                throw new RuleLibraryException(RuleLibraryErrorKind.Invalid,
                    $"Workflow {i} of the import has no usable WorkflowName ({name ?? "none"}); {RuleWorkflowNames.Rule} Nothing was imported.");
            }
        }

        foreach (var workflow in workflows.Cast<JsonObject>())
        {
            var name = (string)Property(workflow, "WorkflowName")!;
            var existed = await store.GetAsync(department, name, cancellationToken);
            var saved = await SaveDraftAsync(department, name, workflow.DeepClone(), existed?.TestCases is { } cases ? Parse(cases) as JsonObject : null,
                existed?.Description, create: false, author, cancellationToken);
            var version = publish && saved.Problems.Count == 0 ? (await PublishAsync(department, name, author, "imported", cancellationToken)).Version : (int?)null;
            results.Add(new RuleImportResult(name, existed is null, version, saved.Problems));
        }

        return results;
    }

    public async ValueTask<JsonArray> ExportAsync(string department, CancellationToken cancellationToken)
    {
        var export = new JsonArray();
        foreach (var version in (await store.ListLatestAsync(cancellationToken)).Where(v => v.Department == department))
        {
            export.Add(Parse(version.Json));
        }

        return export;
    }

    private IReadOnlyList<FlowScriptProblem> Validate(JsonNode workflow, JsonObject? testCases)
    {
        // The first input case, when there is one, lets lambda expressions be checked against the inputs' types.
        var sample = testCases?.FirstOrDefault().Value as JsonObject;
        return scripting.ValidateWorkflow(workflow, sample?.ToDictionary(p => p.Key, p => p.Value));
    }

    private async ValueTask<bool> HasUnpublishedChangesAsync(RuleWorkflowRecord record, CancellationToken cancellationToken)
    {
        if (record.LatestVersion is not int latest)
        {
            return true;
        }

        var version = await store.GetVersionAsync(record.Department, record.Name, latest, cancellationToken);
        return version is null || !JsonNode.DeepEquals(Parse(version.Json), Parse(record.Draft));
    }

    private async ValueTask<RuleWorkflowRecord> RequireAsync(string department, string name, CancellationToken cancellationToken) =>
        await store.GetAsync(department, name, cancellationToken)
            ?? throw new RuleLibraryException(RuleLibraryErrorKind.NotFound,
                $"Department '{department}' has no rule workflow named '{name}'. GET /api/v1/rules/library?department={department} lists them.");

    private async ValueTask<RuleWorkflowVersionRecord> RequireVersionAsync(string department, string name, int version, CancellationToken cancellationToken) =>
        await store.GetVersionAsync(department, name, version, cancellationToken)
            ?? throw new RuleLibraryException(RuleLibraryErrorKind.NotFound,
                $"Rule workflow '{department}/{name}' has no version {version}. GET /api/v1/rules/library/{department}/{name}/versions lists them.");

    /// <summary>The workflow with its library name: a workflow without a name takes it, one with another name is refused.</summary>
    private static JsonObject Named(JsonNode workflow, string name)
    {
        if (workflow is not JsonObject obj)
        {
            throw new RuleLibraryException(RuleLibraryErrorKind.Invalid, "The workflow must be a JSON object in RulesEngine's shape: { \"WorkflowName\": ..., \"Rules\": [ ... ] }.");
        }

        var named = Property(obj, "WorkflowName");
        if (named is null)
        {
            var copy = new JsonObject { ["WorkflowName"] = name };
            foreach (var (key, member) in obj)
            {
                copy[key] = member?.DeepClone();
            }

            return copy;
        }

        if (named is not JsonValue value || !value.TryGetValue<string>(out var text) || text != name)
        {
            throw new RuleLibraryException(RuleLibraryErrorKind.Invalid,
                $"The workflow's WorkflowName ({named.ToJsonString()}) is not its library name '{name}'; a library workflow is known by its WorkflowName.");
        }

        return obj;
    }

    private static void EnsureCases(JsonObject? testCases)
    {
        foreach (var (caseName, inputs) in testCases ?? [])
        {
            if (inputs is not JsonObject)
            {
                throw new RuleLibraryException(RuleLibraryErrorKind.Invalid,
                    $"Input case '{caseName}' must be an object of named inputs, e.g. {{ \"lot\": {{ \"free\": 3 }} }}.");
            }
        }
    }

    private static RuleWorkflowVersionInfo Info(RuleWorkflowVersionRecord record) => new(record.Version, record.Author, record.Comment, record.CreatedAt);

    private static JsonNode Parse(string json) =>
        JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
            ?? throw new RuleLibraryException(RuleLibraryErrorKind.Invalid, "The stored document is JSON null.");

    private static JsonNode? Property(JsonObject? obj, string name) =>
        obj?.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
