using Luohu.Hub.Runtime.Flows.Messages;

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

    /// <summary>Starts timers when the snapshot goes live.</summary>
    public virtual void Start()
    {
    }

    /// <summary>Stops timers when the snapshot is replaced or the flow stops; in-flight messages are not cut off.</summary>
    public virtual ValueTask StopAsync() => ValueTask.CompletedTask;
}
