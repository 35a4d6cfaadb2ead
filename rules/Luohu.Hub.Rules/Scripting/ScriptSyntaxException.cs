namespace Luohu.Hub.Rules.Scripting;

/// <summary>The source is not valid JavaScript (or is too large to parse).</summary>
public sealed class ScriptSyntaxException : ScriptException
{
    /// <summary>Creates the exception from the problem found.</summary>
    public ScriptSyntaxException(ScriptProblem problem, Exception? innerException = null)
        : base($"Script syntax error at {problem}", problem.Line, problem.Column, innerException)
    {
        Problem = problem;
    }

    /// <summary>The problem, with line, column, parser message and hint.</summary>
    public ScriptProblem Problem { get; }

    /// <summary>How to fix it, when there is more to say than the parser's message.</summary>
    public string? Hint => Problem.Hint;

    /// <summary>1-based line of the problem.</summary>
    public new int Line => Problem.Line;

    /// <summary>1-based column of the problem.</summary>
    public new int Column => Problem.Column;
}
