using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>
/// Base of the built-in node types: one <see cref="Read"/> method parses the config into settings, recording
/// problems, and serves both validation and building.
/// </summary>
internal abstract class FlowNodeType<TSettings> : IFlowNodeType
    where TSettings : class
{
    private JsonObject? _schema;

    public abstract string Type { get; }
    public abstract string Category { get; }
    public abstract string Title { get; }
    public abstract string Description { get; }
    public virtual bool IsTrigger => false;

    public virtual IReadOnlyList<string> SecretFields => [];

    public JsonObject ConfigSchema => _schema ??= BuildSchema();

    public virtual IReadOnlyList<string> GetOutputPorts(JsonElement? config) => FlowPorts.Single;

    public void Validate(NodeValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = Read(context.Config);
        Check(settings, context);
    }

    public FlowNodeRuntime Create(NodeBuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var config = new NodeConfig(context.Node.Id, context.Node.Config);
        var settings = Read(config);
        if (config.HasProblems)
        {
            throw new FlowException(FlowErrorKind.Invalid, $"Node '{context.Node.Id}' ({Type}) has an invalid config: {config.Problems[0].Message}", config.Problems);
        }

        return Create(settings, context);
    }

    protected abstract JsonObject BuildSchema();

    protected abstract TSettings Read(NodeConfig config);

    /// <summary>Checks beyond the config's shape: scripts parse, capabilities exist.</summary>
    protected virtual void Check(TSettings settings, NodeValidationContext context)
    {
    }

    protected abstract FlowNodeRuntime Create(TSettings settings, NodeBuildContext context);
}
