namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// How a script's source is wrapped before parsing. The prefix sits on the author's first line, so lines
/// never shift; only columns on line 1 move by the prefix length.
/// </summary>
internal sealed record SourceWrapping(string Prefix, string Suffix)
{
    // Parentheses make the parser reject statements and accept object literals as expressions.
    public static SourceWrapping Expression { get; } = new("(", "\n)");

    // Called at once so the completion value is what the body returns.
    public static SourceWrapping Function { get; } = new("(function () {", "\n}).call(this)");

    public static SourceWrapping For(ScriptKind kind) => kind == ScriptKind.Expression ? Expression : Function;

    public string Wrap(string code) => string.Concat(Prefix, code, Suffix);

    public int ToSourceColumn(int line, int wrappedColumn) =>
        line == 1 ? Math.Max(1, wrappedColumn - Prefix.Length) : wrappedColumn;
}
