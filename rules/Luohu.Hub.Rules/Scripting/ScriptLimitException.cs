namespace Luohu.Hub.Rules.Scripting;

/// <summary>The script was stopped by one of its <see cref="ScriptLimits"/>; the host is unharmed.</summary>
public sealed class ScriptLimitException : ScriptException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Which limit.</param>
    /// <param name="limit">The limit's value (statements, milliseconds, calls, bytes or characters).</param>
    /// <param name="message">What happened, where, and what to do.</param>
    /// <param name="line">1-based line the script was at, when known.</param>
    /// <param name="innerException">The engine's exception.</param>
    public ScriptLimitException(ScriptLimitKind kind, long limit, string message, int? line, Exception? innerException = null)
        : base(message, line, null, innerException)
    {
        Kind = kind;
        Limit = limit;
    }

    /// <summary>Which limit stopped the script.</summary>
    public ScriptLimitKind Kind { get; }

    /// <summary>The value of that limit: statements, milliseconds, calls, bytes or characters depending on <see cref="Kind"/>.</summary>
    public long Limit { get; }
}
