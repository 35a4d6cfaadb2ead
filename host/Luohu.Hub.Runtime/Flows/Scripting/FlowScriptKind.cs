namespace Luohu.Hub.Runtime.Flows.Scripting;

internal enum FlowScriptKind
{
    /// <summary>One expression whose value is the result (switch conditions, change values).</summary>
    Expression,

    /// <summary>A function body ending in <c>return</c> (script nodes).</summary>
    Function,
}
