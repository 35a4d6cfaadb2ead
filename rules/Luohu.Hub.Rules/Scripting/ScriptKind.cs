namespace Luohu.Hub.Rules.Scripting;

/// <summary>How the sandbox reads a script's source.</summary>
public enum ScriptKind
{
    /// <summary>One JavaScript expression, e.g. <c>msg.free &lt; 10 &amp;&amp; msg.kind == "parking"</c>; its value is the result.</summary>
    Expression,

    /// <summary>A function body: statements ending in <c>return value;</c> (no <c>return</c> gives <c>null</c>).</summary>
    Function,
}
