using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Flows.Nodes;

internal sealed class CatchRuntime(NodeBuildContext context, IReadOnlySet<string> scope) : FlowNodeRuntime(context), ICatchScope
{
    public IReadOnlySet<string> Scope { get; } = scope;

    public override ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken) =>
        Host.EmitAsync(0, message, cancellationToken);
}
