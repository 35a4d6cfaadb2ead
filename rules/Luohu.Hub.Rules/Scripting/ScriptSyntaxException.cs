namespace Luohu.Hub.Rules.Scripting;

/// <summary>The source is not valid ES5.1 JavaScript (or is too large to parse safely).</summary>
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

    /// <summary>How to write the construct in ES5.1, when the script used newer syntax.</summary>
    public string? Hint => Problem.Hint;

    /// <summary>1-based line of the problem.</summary>
    public new int Line => Problem.Line;

    /// <summary>1-based column of the problem.</summary>
    public new int Column => Problem.Column;
}
