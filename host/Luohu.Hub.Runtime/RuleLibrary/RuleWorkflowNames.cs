using System.Text.RegularExpressions;

namespace Luohu.Hub.Runtime.RuleLibrary;

/// <summary>Which names library workflows and departments may have: short, plain, safe in a URL path.</summary>
internal static partial class RuleWorkflowNames
{
    public const string Rule = "A workflow name starts with a letter and has at most 100 letters, digits, '_', '.' or '-'.";

    public static bool IsValid(string name) => WorkflowName().IsMatch(name);

    /// <exception cref="RuleLibraryException">The department or name is not usable.</exception>
    public static void Ensure(string department, string name)
    {
        if (!DepartmentId().IsMatch(department))
        {
            throw new RuleLibraryException(RuleLibraryErrorKind.Invalid, $"'{Shorten(department)}' is not a department id (lower-case letters, digits, '-', '_' and '.', starting with a letter or digit, at most 100).");
        }

        if (!IsValid(name))
        {
            throw new RuleLibraryException(RuleLibraryErrorKind.Invalid, $"'{Shorten(name)}' cannot be a workflow name. {Rule}");
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]{0,99}$")]
    private static partial Regex WorkflowName();

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,99}$")]
    private static partial Regex DepartmentId();
}
