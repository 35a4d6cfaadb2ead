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

    /// <summary><see cref="ScriptLimits.MaxMemoryBytes"/>: the run allocated more than allowed (for example a string doubled in a loop).</summary>
    Memory,

    /// <summary><see cref="ScriptLimits.MaxStringLength"/>: a built-in would have produced a longer string.</summary>
    StringLength,

    /// <summary><see cref="ScriptLimits.MaxArrayLength"/>: the script asked for a longer array.</summary>
    ArrayLength,

    /// <summary>The source itself is too long to parse.</summary>
    SourceSize,
}
