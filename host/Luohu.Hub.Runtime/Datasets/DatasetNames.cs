namespace Luohu.Hub.Runtime.Datasets;

/// <summary>What a dataset may be called: it becomes a URL segment (<c>/api/v1/data/{name}</c>).</summary>
internal static class DatasetNames
{
    public const int MaxLength = 64;

    /// <summary>Why <paramref name="name"/> is not a valid dataset name, or null when it is.</summary>
    public static string? Validate(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "A dataset name is required.";
        }

        if (name.Length > MaxLength || !char.IsAsciiLetterLower(name[0]) || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return $"Dataset name '{name}' is not allowed: use 1 to {MaxLength} lower-case letters, digits and '-', starting with a letter (e.g. parking).";
        }

        return null;
    }
}
