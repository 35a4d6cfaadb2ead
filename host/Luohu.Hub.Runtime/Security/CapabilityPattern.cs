namespace Luohu.Hub.Runtime.Security;

/// <summary>Grant targets for capabilities: an exact id, a family prefix <c>credit.*</c>, or <c>*</c> for all.</summary>
internal static class CapabilityPattern
{
    public static bool Matches(string pattern, string capability)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(capability);
        if (pattern == "*")
        {
            return true;
        }

        return pattern.EndsWith(".*", StringComparison.Ordinal)
            ? capability.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, capability, StringComparison.Ordinal);
    }

    public static bool IsValid(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern == "*")
        {
            return true;
        }

        if (pattern.Length == 0 || pattern.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        return star < 0 || (star == pattern.Length - 1 && pattern.EndsWith(".*", StringComparison.Ordinal));
    }
}
