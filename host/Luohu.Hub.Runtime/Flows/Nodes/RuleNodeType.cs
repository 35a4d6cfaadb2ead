using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>
/// <c>rule</c>: a RulesEngine-shaped workflow (inline in the config) evaluated with the message as input
/// <c>msg</c> (also <c>input1</c>). The message leaves by <c>success</c> when every rule passed, else by
/// <c>failure</c>, with the result tree attached at <c>resultField</c> (default <c>msg.rule</c>).
/// </summary>
internal sealed class RuleNodeType : FlowNodeType<RuleNodeType.Settings>
{
    public static readonly IReadOnlyList<string> Ports = ["success", "failure"];

    public override string Type => "rule";
    public override string Category => NodeCategory.Logic;
    public override string Title => "Rule workflow";
    public override string Description => "Evaluates a rule workflow (JavaScript expressions) on the message; success and failure ports.";

    public override IReadOnlyList<string> GetOutputPorts(JsonElement? config) => Ports;

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        ["workflow"],
        ("workflow", SchemaBuilder.Dictionary("Workflow", "A workflow in RulesEngine's JSON shape: WorkflowName, Rules[] with RuleName, Expression, ...")),
        ("resultField", SchemaBuilder.Text("Result field", "Message path receiving the result tree.", "rule")));

    protected override Settings Read(NodeConfig config) =>
        new(config.Json("workflow", required: true, kind: JsonValueKind.Object), config.MessagePath("resultField", defaultValue: "rule"));

    protected override void Check(Settings settings, NodeValidationContext context)
    {
        if (settings.Workflow is null)
        {
            return;
        }

        foreach (var problem in context.Scripting.ValidateWorkflow(settings.Workflow))
        {
            context.Config.Problem(problem.Path is null ? "workflow" : $"workflow.{problem.Path}", problem.Message, problem.Line, problem.Column);
        }
    }

    protected override FlowNodeRuntime Create(Settings settings, NodeBuildContext context) => new RuleRuntime(context, settings);

    internal sealed record Settings(JsonNode? Workflow, MessagePath? ResultField);
}
