namespace Luohu.Hub.Rules.Scripting;

/// <summary>Level of a line a script wrote with <c>log(...)</c>, <c>log.warn(...)</c> or <c>log.error(...)</c>.</summary>
public enum ScriptLogLevel
{
    /// <summary><c>log(...)</c>.</summary>
    Information,

    /// <summary><c>log.warn(...)</c>.</summary>
    Warning,

    /// <summary><c>log.error(...)</c>.</summary>
    Error,
}
