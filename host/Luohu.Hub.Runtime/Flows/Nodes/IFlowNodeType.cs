using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>
/// One kind of node: what the designer shows (title, ports, config schema), how its config is checked, and
/// how its runtime node is made. Registered in DI; other issues add types (schedules, webhooks) the same way.
/// </summary>
internal interface IFlowNodeType
{
    /// <summary>The <c>type</c> in the flow file, e.g. <c>trigger.topic</c>.</summary>
    string Type { get; }

    /// <summary>One of <see cref="NodeCategory"/>.</summary>
    string Category { get; }

    string Title { get; }

    string Description { get; }

    /// <summary>JSON schema of <c>config</c>, with title/description per property, required and enums.</summary>
    JsonObject ConfigSchema { get; }

    /// <summary>Whether messages enter the flow here (no wire may lead into it).</summary>
    bool IsTrigger { get; }

    /// <summary>
    /// Config fields holding a secret written inline. Saving a flow moves each into the department's secrets (named
    /// <c>{flowId}.{nodeId}</c>) and puts its name in the field <c>{field}Ref</c>: no stored flow holds a secret.
    /// </summary>
    IReadOnlyList<string> SecretFields { get; }

    /// <summary>Output port names for a config (fixed, or computed like a switch's case names); must not throw on a bad config.</summary>
    IReadOnlyList<string> GetOutputPorts(JsonElement? config);

    /// <summary>Adds every problem of the node's config to <paramref name="context"/>.</summary>
    void Validate(NodeValidationContext context);

    /// <summary>Builds the runtime node of a valid config.</summary>
    FlowNodeRuntime Create(NodeBuildContext context);
}
