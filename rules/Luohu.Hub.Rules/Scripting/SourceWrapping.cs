using System.Text;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// How a script's source becomes a function the engine calls with <c>msg</c> and the variables as parameters.
/// The prefix takes a line of its own, so a position in the wrapped source is the author's line plus one, with
/// the column unchanged. Wrapping in a function keeps every declaration local to one run.
/// </summary>
internal static class SourceWrapping
{
    public const string MessageParameter = "msg";

    /// <summary>Lines the prefix adds before the author's first line.</summary>
    public const int LineOffset = 1;

    public static string Wrap(string code, ScriptKind kind, IReadOnlyList<string> parameters)
    {
        var text = new StringBuilder(code.Length + 64);
        text.Append("(function (").Append(MessageParameter);
        foreach (var parameter in parameters)
        {
            text.Append(", ").Append(parameter);
        }

        text.Append(kind == ScriptKind.Expression ? ") { return (\n" : ") {\n");
        text.Append(code);
        text.Append(kind == ScriptKind.Expression ? "\n); })" : "\n})");
        return text.ToString();
    }
}
