namespace Luohu.Hub.Rules.Scripting;

/// <summary>The script threw, or failed while running (a TypeError, a ReferenceError, a <c>throw</c>).</summary>
public sealed class ScriptRuntimeException : ScriptException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorText">The JavaScript error as the script would print it, e.g. <c>ReferenceError: require is not defined</c>.</param>
    /// <param name="line">1-based line in the script's source, when known.</param>
    /// <param name="column">1-based column, when known.</param>
    /// <param name="innerException">The engine's exception.</param>
    public ScriptRuntimeException(string errorText, int? line, int? column, Exception? innerException = null)
        : base(Describe(errorText, line, column), line, column, innerException)
    {
        ErrorText = errorText;
    }

    /// <summary>The JavaScript error without position, e.g. <c>TypeError: ...</c>.</summary>
    public string ErrorText { get; }

    private static string Describe(string errorText, int? line, int? column) => (line, column) switch
    {
        (int l, int c) => $"Script error at line {l}, column {c}: {errorText}",
        (int l, null) => $"Script error at line {l}: {errorText}",
        _ => $"Script error: {errorText}",
    };
}
