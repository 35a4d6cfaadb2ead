using Acornima;
using Jint;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// Parses a script once (<see cref="Engine.PrepareScript"/>, modern JavaScript, strict mode) and turns the parser's
/// errors into problems positioned in the author's source. An expression must be one expression: text after it
/// (<c>true); var x = 1; (x</c>) is refused rather than run as statements.
/// </summary>
internal static class ScriptParser
{
    /// <summary>Longest source accepted; rules are short, and this bounds the parse and the cache.</summary>
    public const int MaxSourceLength = 64 * 1024;

    private static readonly ScriptPreparationOptions Preparation = new();

    public static ScriptProblem? TryParse(string code, ScriptKind kind, IReadOnlyList<string> parameters, out CompiledScript? compiled)
    {
        compiled = null;
        if (string.IsNullOrWhiteSpace(code))
        {
            return new ScriptProblem(1, 1, "the script is empty", "write an expression such as msg.payload.free < 10, or a function body ending in return");
        }

        if (code.Length > MaxSourceLength)
        {
            return new ScriptProblem(1, 1, $"the script is {code.Length} characters long, more than the {MaxSourceLength} allowed", "split it into smaller rules");
        }

        if (kind == ScriptKind.Expression && CheckExpression(code) is { } notAnExpression)
        {
            return notAnExpression;
        }

        try
        {
            var program = Engine.PrepareScript(SourceWrapping.Wrap(code, kind, parameters), "script", strict: true, Preparation);
            compiled = new CompiledScript(code, kind, parameters, program);
            return null;
        }
        catch (ScriptPreparationException ex) when (ex.InnerException is ParseErrorException parse)
        {
            return ToProblem(code, parse.LineNumber - SourceWrapping.LineOffset, parse.Column + 1, parse.Description, null);
        }
    }

    private static ScriptProblem? CheckExpression(string code)
    {
        try
        {
            new Parser().ParseExpression(code, "script", strict: true);
            return null;
        }
        catch (ParseErrorException ex)
        {
            var trailing = ex.Description.StartsWith("Unexpected token", StringComparison.Ordinal) && LooksLikeStatements(code);
            return ToProblem(code, ex.LineNumber, ex.Column + 1, ex.Description,
                trailing ? "an expression is one value, such as msg.payload.free < 10; statements (var, if, ;) belong in a script node" : null);
        }
    }

    private static bool LooksLikeStatements(string code) => code.Contains(';', StringComparison.Ordinal) || code.Contains("var ", StringComparison.Ordinal)
        || code.Contains("let ", StringComparison.Ordinal) || code.Contains("const ", StringComparison.Ordinal);

    private static ScriptProblem ToProblem(string code, int line, int column, string message, string? hint)
    {
        // The wrapper's closing line can be blamed for an unfinished script: point at the script's end instead.
        var lineCount = code.Count(c => c == '\n') + 1;
        if (line > lineCount)
        {
            return new ScriptProblem(lineCount, code.Length - code.LastIndexOf('\n'), message, hint ?? "the script ends before it is complete");
        }

        return new ScriptProblem(Math.Max(1, line), Math.Max(1, column), message, hint);
    }
}
