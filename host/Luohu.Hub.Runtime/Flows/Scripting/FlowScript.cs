using Luohu.Hub.Rules.Scripting;

namespace Luohu.Hub.Runtime.Flows.Scripting;

/// <summary>A script of a node, parsed once when the node was built.</summary>
internal sealed class FlowScript(CompiledScript compiled)
{
    internal CompiledScript Compiled { get; } = compiled;

    public string Code => Compiled.Code;
}
