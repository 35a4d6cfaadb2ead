namespace Luohu.Hub.Rules.Scripting;

/// <summary>Light scans of JavaScript source that run before (or instead of) the parser.</summary>
internal static class SourceText
{
    // Blanks string contents and comments (keeping line breaks) so "=>" inside a string is no hint.
    // Backticks stay: they are what the template detector looks for.
    public static string MaskStringsAndComments(string source)
    {
        var text = source.ToCharArray();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c is '"' or '\'')
            {
                i++;
                while (i < text.Length && text[i] != c && text[i] != '\n')
                {
                    var escaped = text[i] == '\\';
                    Blank(text, i++);
                    if (escaped && i < text.Length)
                    {
                        Blank(text, i++);
                    }
                }

                i++;
            }
            else if (c == '/' && next == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    Blank(text, i++);
                }
            }
            else if (c == '/' && next == '*')
            {
                Blank(text, i++);
                Blank(text, i++);
                while (i < text.Length && !(text[i] == '*' && i + 1 < text.Length && text[i + 1] == '/'))
                {
                    Blank(text, i++);
                }

                if (i < text.Length)
                {
                    Blank(text, i++);
                    Blank(text, i++);
                }
            }
            else
            {
                i++;
            }
        }

        return new string(text);
    }

    private static void Blank(char[] text, int index)
    {
        if (text[index] != '\n')
        {
            text[index] = ' ';
        }
    }

    public static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    public static int LineOf(List<int> lineStarts, int index)
    {
        var found = lineStarts.BinarySearch(index);
        return (found >= 0 ? found : ~found - 1) + 1;
    }

    /// <summary>Deepest bracket nesting and longest run of prefix operators, with the line where each peaks.</summary>
    public static (int Depth, int DepthLine, int OperatorRun, int OperatorLine) MeasureNesting(string masked)
    {
        int depth = 0, maxDepth = 0, depthLine = 1, run = 0, maxRun = 0, runLine = 1, line = 1;
        foreach (var c in masked)
        {
            switch (c)
            {
                case '(' or '[' or '{':
                    depth++;
                    if (depth > maxDepth)
                    {
                        (maxDepth, depthLine) = (depth, line);
                    }

                    run = 0;
                    break;
                case ')' or ']' or '}':
                    depth--;
                    run = 0;
                    break;
                case '!' or '~' or '+' or '-':
                    run++;
                    if (run > maxRun)
                    {
                        (maxRun, runLine) = (run, line);
                    }

                    break;
                case '\n':
                    line++;
                    break;
                case ' ' or '\t' or '\r':
                    break;
                default:
                    run = 0;
                    break;
            }
        }

        return (maxDepth, depthLine, maxRun, runLine);
    }
}
