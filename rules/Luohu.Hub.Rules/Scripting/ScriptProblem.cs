namespace Luohu.Hub.Rules.Scripting;

/// <summary>Why a script's source cannot run, positioned in the source as the author wrote it.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What the parser rejected.</param>
/// <param name="Hint">How to fix it, when there is more to say than the parser's message; otherwise <see langword="null"/>.</param>
public sealed record ScriptProblem(int Line, int Column, string Message, string? Hint)
{
    /// <summary>One line a person can act on: position, message and hint.</summary>
    public override string ToString() =>
        Hint is null ? $"line {Line}, column {Column}: {Message}" : $"line {Line}, column {Column}: {Message}. Hint: {Hint}";
}
