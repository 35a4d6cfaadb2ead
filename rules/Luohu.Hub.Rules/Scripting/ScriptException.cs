namespace Luohu.Hub.Rules.Scripting;

/// <summary>A script could not be compiled or did not complete. The message says what, where and what to do.</summary>
public abstract class ScriptException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected ScriptException(string message, int? line, int? column, Exception? innerException = null)
        : base(message, innerException)
    {
        Line = line;
        Column = column;
    }

    /// <summary>1-based line in the script's source, when known.</summary>
    public int? Line { get; }

    /// <summary>1-based column in the script's source, when known.</summary>
    public int? Column { get; }
}
