using System.Text.RegularExpressions;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// Jint 2 parses ES5.1 only, and its parser reports newer syntax as a bare "Unexpected token". This finds the
/// newer construct near the error so the author learns what to write instead.
/// </summary>
internal static partial class Es5HintFinder
{
    private static readonly (Regex Pattern, string Hint)[] Detectors =
    [
        (TemplateLiteral(), "template literals (`...`) are not ES5.1: join strings with +, e.g. 'Lot ' + msg.id + ' is full'"),
        (Arrow(), "arrow functions (=>) are not ES5.1: write function (x) { return x * 2; }"),
        (Spread(), "spread and rest (...) are not ES5.1: use fn.apply(null, args), a.concat(b) or the arguments object"),
        (ForOf(), "for...of is not ES5.1: loop with an index, e.g. for (var i = 0; i < list.length; i++) { var item = list[i]; }"),
        (Class(), "class is not ES5.1: write a constructor function and put methods on its prototype, e.g. function Lot(id) { this.id = id; } Lot.prototype.isFull = function () { return this.free === 0; };"),
        (Destructuring(), "destructuring is not ES5.1: read each property, e.g. var free = msg.free, total = msg.total;"),
        (DefaultParameter(), "default parameters are not ES5.1: set the default in the body, e.g. if (x === undefined) { x = 1; }"),
        (Exponent(), "the ** operator is not ES5.1: write Math.pow(a, b)"),
    ];

    /// <summary>The hint for the newer construct nearest the error, preferring one on the error's line.</summary>
    public static string? Find(string source, int errorLine)
    {
        var masked = SourceText.MaskStringsAndComments(source);
        var lineStarts = SourceText.LineStarts(masked);
        string? anywhere = null;
        var anywhereIndex = int.MaxValue;
        foreach (var (pattern, hint) in Detectors)
        {
            var match = pattern.Match(masked);
            while (match.Success)
            {
                if (SourceText.LineOf(lineStarts, match.Index) == errorLine)
                {
                    return hint;
                }

                if (match.Index < anywhereIndex)
                {
                    anywhereIndex = match.Index;
                    anywhere = hint;
                }

                match = match.NextMatch();
            }
        }

        return anywhere;
    }

    [GeneratedRegex("`")]
    private static partial Regex TemplateLiteral();

    [GeneratedRegex("=>")]
    private static partial Regex Arrow();

    [GeneratedRegex(@"\.\.\.")]
    private static partial Regex Spread();

    [GeneratedRegex(@"\bfor\s*\(\s*(?:var\s+|let\s+|const\s+)?[A-Za-z_$][\w$]*\s+of\b")]
    private static partial Regex ForOf();

    [GeneratedRegex(@"\bclass\b")]
    private static partial Regex Class();

    [GeneratedRegex(@"\b(?:var|let|const)\s*[\[{]|\bfunction\b\s*[\w$]*\s*\([^)]*[\[{]")]
    private static partial Regex Destructuring();

    [GeneratedRegex(@"\bfunction\b\s*[\w$]*\s*\([^)]*=")]
    private static partial Regex DefaultParameter();

    [GeneratedRegex(@"\*\*")]
    private static partial Regex Exponent();
}
