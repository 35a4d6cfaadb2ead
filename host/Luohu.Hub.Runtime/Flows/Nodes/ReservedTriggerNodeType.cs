using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>
/// A trigger type the format already names but another issue implements (<c>trigger.schedule</c>,
/// <c>trigger.http</c>). Known, so a flow file using it is not "unknown type", but it does not validate yet;
/// the implementing issue registers its own <see cref="IFlowNodeType"/> with the same name, which replaces this one.
/// </summary>
internal sealed class ReservedTriggerNodeType(string type, string title, string description, string availableWhen) : IFlowNodeType
{
    public string Type { get; } = type;
    public string Category => NodeCategory.Trigger;
    public string Title { get; } = title;
    public string Description { get; } = description + " (" + availableWhen + ")";
    public bool IsTrigger => true;

    public IReadOnlyList<string> SecretFields => [];
    public JsonObject ConfigSchema { get; } = SchemaBuilder.Object([]);

    public static ReservedTriggerNodeType Schedule() => new(
        "trigger.schedule", "Schedule", "Starts the flow on a cron or interval schedule.", "not available until schedules land with the triggers issue");

    public static ReservedTriggerNodeType Http() => new(
        "trigger.http", "HTTP webhook", "Starts the flow for every request to a webhook URL.", "not available until webhooks land with the triggers issue");

    public IReadOnlyList<string> GetOutputPorts(System.Text.Json.JsonElement? config) => FlowPorts.Single;

    public void Validate(NodeValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Config.Problem(null,
            $"Node type '{Type}' is reserved and {availableWhen}. Use trigger.topic or trigger.plugin for now.");
    }

    public FlowNodeRuntime Create(NodeBuildContext context) =>
        throw new FlowException(FlowErrorKind.Invalid, $"Node type '{Type}' is {availableWhen}.");
}
