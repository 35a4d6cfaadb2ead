using System.Text.RegularExpressions;
using Luohu.Hub.Runtime.Flows;

namespace Luohu.Hub.Host.Api;

/// <summary>
/// Names and ids taken from requests, checked at the edge before anything is stored or audited: bounded length and a
/// plain alphabet, so no request can write a name of megabytes into the store or the append-only audit log.
/// </summary>
internal static partial class ApiIdentifiers
{
    public const int MaxIdLength = 64;
    public const int MaxDisplayNameLength = 200;

    /// <summary>A user name: letters, digits and <c>. _ @ -</c>, at most 64 characters (400 otherwise).</summary>
    public static string UserName(string? value) => Check(value, "user name", UserPattern(), "letters, digits and . _ @ -");

    /// <summary>A department id: lower-case letters, digits and <c>- _ .</c>, at most 64 characters (400 otherwise).</summary>
    public static string DepartmentId(string? value) => Check(value, "department id", FlowValidator.FlowId(), "lower-case letters, digits and - _ .");

    /// <summary>A display name: any text, at most 200 characters (400 otherwise).</summary>
    public static string? DisplayName(string? value, string what) =>
        value is { Length: > MaxDisplayNameLength }
            ? throw new ApiBadRequestException($"{what} too long", $"The {what} has {value.Length} characters; at most {MaxDisplayNameLength} are allowed.")
            : value;

    private static string Check(string? value, string what, Regex pattern, string alphabet)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxIdLength || !pattern.IsMatch(value))
        {
            var shown = value is null ? "nothing" : value.Length > 40 ? $"{value.Length} characters" : $"'{value}'";
            throw new ApiBadRequestException($"Invalid {what}", $"A {what} is 1 to {MaxIdLength} characters of {alphabet}; got {shown}.");
        }

        return value;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]*$")]
    private static partial Regex UserPattern();
}
