using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.RuleLibrary;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>
/// <c>rule</c>: a RulesEngine workflow evaluated with the message as input <c>msg</c> (also <c>input1</c>). The
/// workflow is either a library workflow of the flow's department (<c>library</c>: its name), following the latest
/// published version or pinned to <c>version</c>, or embedded in the config (<c>workflow</c>); exactly one of the two.
/// The message leaves by <c>success</c> when every rule passed, else by <c>failure</c>, with the result tree attached
/// at <c>resultField</c> (default <c>msg.rule</c>; a library workflow's tree also names the version that ran).
/// </summary>
internal sealed class RuleNodeType : FlowNodeType<RuleNodeType.Settings>
{
    public static readonly IReadOnlyList<string> Ports = ["success", "failure"];

    public override string Type => "rule";
    public override string Category => NodeCategory.Logic;
    public override string Title => "Rule workflow";
    public override string Description => "Evaluates a rule workflow (JavaScript and lambda expressions) on the message: one from the rules library or one embedded here; success and failure ports.";

    public override IReadOnlyList<string> GetOutputPorts(JsonElement? config) => Ports;

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        [],
        ("library", SchemaBuilder.Text("Library workflow", "Name of a workflow in the department's rules library; the node follows its latest published version unless 'version' pins one.")),
        ("version", SchemaBuilder.Integer("Pinned version", "A published version of the library workflow to keep using; leave empty to follow the latest.", null, 1, int.MaxValue)),
        ("workflow", SchemaBuilder.Dictionary("Embedded workflow", "A workflow in RulesEngine's JSON shape (WorkflowName, Rules[] with RuleName, Expression, ...) kept in this flow instead of the library.")),
        ("resultField", SchemaBuilder.Text("Result field", "Message path receiving the result tree.", "rule")));

    protected override Settings Read(NodeConfig config)
    {
        var library = config.String("library");
        var version = config.Has("version") ? config.Int("version", 0, 1, int.MaxValue) : (int?)null;
        var workflow = config.Json("workflow", kind: JsonValueKind.Object);
        if (library is not null && workflow is not null)
        {
            config.Problem("library", "Choose one: 'library' (a workflow of the rules library) or 'workflow' (one embedded in the node), not both.");
        }
        else if (library is null && workflow is null && !config.HasProblems)
        {
            config.Problem("library", "Choose the workflow: 'library' names one of the department's rules library, or 'workflow' embeds one.");
        }

        if (version is not null && library is null)
        {
            config.Problem("version", "'version' pins a library workflow; it needs 'library'.");
        }

        return new(library, version, workflow, config.MessagePath("resultField", defaultValue: "rule"));
    }

    protected override void Check(Settings settings, NodeValidationContext context)
    {
        if (settings.Workflow is not null)
        {
            foreach (var problem in context.Scripting.ValidateWorkflow(settings.Workflow))
            {
                context.Config.Problem(problem.Path is null ? "workflow" : $"workflow.{problem.Path}", problem.Message, problem.Line, problem.Column);
            }
        }

        if (settings.Library is { } name && context.Library is { } library)
        {
            var department = context.Flow.Department;
            var versions = library.PublishedVersions(department, name);
            if (versions is null)
            {
                context.Config.Problem("library", $"Department '{department}' has no rule workflow named '{name}' in the rules library (GET /api/v1/rules/library?department={department} lists them).");
            }
            else if (versions.Count == 0)
            {
                context.Config.Problem("library", $"Rule workflow '{department}/{name}' has no published version yet; publish it before a flow uses it.");
            }
            else if (settings.Version is { } pinned && !versions.Contains(pinned))
            {
                context.Config.Problem("version", $"Rule workflow '{department}/{name}' has no version {pinned}; its versions are 1 to {versions.Max()}.");
            }
        }
    }

    protected override FlowNodeRuntime Create(Settings settings, NodeBuildContext context) => new RuleRuntime(context, settings);

    internal sealed record Settings(string? Library, int? Version, JsonNode? Workflow, Messages.MessagePath? ResultField);
}
