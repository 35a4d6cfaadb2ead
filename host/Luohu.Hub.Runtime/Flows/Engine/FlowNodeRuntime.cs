using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Scripting;

namespace Luohu.Hub.Runtime.Flows.Engine;

/// <summary>
/// A node of one compiled snapshot. Handles one message at a time per caller but may be called concurrently
/// (several triggers, timers), so state goes through <see cref="NodeState"/>'s lock. An exception thrown from
/// <see cref="HandleAsync"/> routes the message and the error to the flow's catch nodes or the dead letters.
/// A node must not change its input message before it knows it succeeds.
/// </summary>
internal abstract class FlowNodeRuntime(NodeBuildContext context)
{
    protected NodeHost Host { get; } = context.Host;

    public abstract ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken);

    /// <summary>Parses a script of the node's settings once, when the node is built.</summary>
    protected FlowScript Script(string code, FlowScriptKind kind) => Host.Services.Scripting.Compile(code, kind);

    /// <summary>Runs a script of this node on <paramref name="body"/> with the node's state and department limits; the body is not changed.</summary>
    protected JsonNode? Run(FlowScript script, JsonObject body, CancellationToken cancellationToken) =>
        Host.Services.Scripting.Run(script, body, messageIsOwned: false, Host.State, Host.Department, cancellationToken);

    /// <summary>Starts timers when the snapshot goes live.</summary>
    public virtual void Start()
    {
    }

    /// <summary>Stops timers when the snapshot is replaced or the flow stops; in-flight messages are not cut off.</summary>
    public virtual ValueTask StopAsync() => ValueTask.CompletedTask;
}
