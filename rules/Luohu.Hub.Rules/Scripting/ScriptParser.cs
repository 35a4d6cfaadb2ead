using Jint.Parser;
using Jint.Parser.Ast;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>Parses a script with Jint's ES5.1 parser and turns its errors into problems a person can act on.</summary>
internal static class ScriptParser
{
    /// <summary>Longest source accepted; rules are short, and this bounds the parse and the cache.</summary>
    public const int MaxSourceLength = 64 * 1024;

    /// <summary>
    /// Deepest bracket nesting and longest chain of prefix operators accepted. Jint's parser and interpreter
    /// recurse on the native stack, and a stack overflow ends the process instead of throwing.
    /// </summary>
    public const int MaxNesting = 100;

    public static ScriptProblem? TryParse(string code, ScriptKind kind, out CompiledScript? compiled)
    {
        compiled = null;
        var guard = Guard(code);
        if (guard is not null)
        {
            return guard;
        }

        var wrapping = SourceWrapping.For(kind);
        try
        {
            var program = new JavaScriptParser().Parse(wrapping.Wrap(code), new ParserOptions { Source = "script" });
            compiled = new CompiledScript(code, kind, program, wrapping);
            return null;
        }
        catch (ParserException ex)
        {
            return ToProblem(code, wrapping, ex.LineNumber, ex.Column, ex.Description ?? ex.Message);
        }
    }

    private static ScriptProblem? Guard(string code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return new ScriptProblem(1, 1, "the script is empty", "write an expression such as msg.free < 10, or a function body ending in return");
        }

        if (code.Length > MaxSourceLength)
        {
            return new ScriptProblem(1, 1, $"the script is {code.Length} characters long, more than the {MaxSourceLength} allowed", "split it into smaller rules");
        }

        var (depth, depthLine, run, runLine) = SourceText.MeasureNesting(SourceText.MaskStringsAndComments(code));
        if (depth > MaxNesting)
        {
            return new ScriptProblem(depthLine, 1, $"brackets are nested {depth} deep, more than the {MaxNesting} allowed", "use intermediate variables");
        }

        if (run > MaxNesting)
        {
            return new ScriptProblem(runLine, 1, $"{run} prefix operators follow each other, more than the {MaxNesting} allowed", "simplify the expression");
        }

        return null;
    }

    private static ScriptProblem ToProblem(string code, SourceWrapping wrapping, int wrappedLine, int wrappedColumn, string message)
    {
        // The wrapper's closing line can be blamed for an unfinished script: point at the script's end instead.
        var lineCount = code.Count(c => c == '\n') + 1;
        var line = Math.Clamp(wrappedLine, 1, lineCount);
        var column = wrappedLine > lineCount ? LastLineLength(code) + 1 : wrapping.ToSourceColumn(line, Math.Max(1, wrappedColumn));
        var hint = Es5HintFinder.Find(code, line);
        if (hint is not null)
        {
            hint += " (the rules engine runs ES5.1 JavaScript)";
        }

        return new ScriptProblem(line, column, message.Replace("Line " + wrappedLine + ": ", string.Empty, StringComparison.Ordinal), hint);
    }

    private static int LastLineLength(string code) => code.Length - (code.LastIndexOf('\n') + 1);
}
