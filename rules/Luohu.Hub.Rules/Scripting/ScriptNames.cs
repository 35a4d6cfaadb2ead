namespace Luohu.Hub.Rules.Scripting;

/// <summary>Which names a script's variables (its function's parameters) may have.</summary>
internal static class ScriptNames
{
    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal)
    {
        "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
        "enum", "export", "extends", "false", "finally", "for", "function", "if", "implements", "import", "in",
        "instanceof", "interface", "let", "new", "null", "package", "private", "protected", "public", "return",
        "static", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield",
    };

    public static bool IsUsable(string name) => IsIdentifier(name) && !ReservedWords.Contains(name) && !ScriptSandbox.ReservedNames.Contains(name);

    public static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] is '_' or '$') && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');

    /// <exception cref="ArgumentException">A name is not usable or repeats.</exception>
    public static void EnsureUsable(IReadOnlyList<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!IsUsable(name))
            {
                throw new ArgumentException(
                    $"Script variable '{name}' is not usable: names must be JavaScript identifiers (letters, digits, _ or $, not starting with a digit), not a reserved word, and not one of {string.Join(", ", ScriptSandbox.ReservedNames)}.",
                    nameof(names));
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"Script variable '{name}' is given twice; each variable needs its own name.", nameof(names));
            }
        }
    }
}
