namespace Luohu.Hub.Runtime.Flows.Engine;

/// <summary>
/// Triggers that live outside the bus (schedules, webhook routes). The engine tells each source about every
/// version a flow starts running, after the snapshot swap and under the flow's lock, and when the flow is
/// undeployed. A source keeps what is unchanged (by <see cref="CompiledNode.TriggerSignature"/>) so a deploy
/// does not reset or re-fire it, and its firing checks the live snapshot's signature so a stale trigger never
/// runs the wrong version.
/// </summary>
internal interface IFlowTriggerSource
{
    /// <summary>Brings the source's triggers of <paramref name="flow"/> in line with its current snapshot.</summary>
    ValueTask SyncAsync(RunningFlow flow, CancellationToken cancellationToken);

    /// <summary>Removes every trigger of the flow (undeploy or delete).</summary>
    ValueTask RemoveAsync(string flowId, CancellationToken cancellationToken);
}
