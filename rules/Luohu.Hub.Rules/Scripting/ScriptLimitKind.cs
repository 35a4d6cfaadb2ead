namespace Luohu.Hub.Rules.Scripting;

/// <summary>Which limit of <see cref="ScriptLimits"/> a script ran into.</summary>
public enum ScriptLimitKind
{
    /// <summary><see cref="ScriptLimits.MaxStatements"/>: too many statements executed.</summary>
    Statements,

    /// <summary><see cref="ScriptLimits.Timeout"/>: the wall-clock time ran out.</summary>
    Time,

    /// <summary><see cref="ScriptLimits.MaxRecursionDepth"/>: the call stack grew too deep.</summary>
    Recursion,

    /// <summary><see cref="ScriptLimits.MaxResultBytes"/>: a value handed back to the hub (the result, or <c>ctx.set</c>) was too large.</summary>
    ResultSize,

    /// <summary>The script built a value larger than the runtime can allocate (for example a string doubled in a loop).</summary>
    Memory,

    /// <summary>The source itself is too long or too deeply nested to parse safely.</summary>
    SourceSize,
}
