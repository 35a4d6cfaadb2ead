using Luohu.Hub.Runtime.Flows;

namespace Luohu.Hub.Runtime.Security;

/// <summary>Reports the nodes of a flow its department has no grant for; asked by the flow validator when registered.</summary>
internal interface IFlowGrantCheck
{
    IEnumerable<FlowProblem> Check(FlowDefinition flow);
}
