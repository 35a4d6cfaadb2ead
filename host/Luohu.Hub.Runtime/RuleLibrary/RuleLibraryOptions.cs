namespace Luohu.Hub.Runtime.RuleLibrary;

/// <summary>Settings of the rules library (section <c>Hub:RuleLibrary</c>).</summary>
public sealed class RuleLibraryOptions
{
    /// <summary>
    /// Folder of sample workflows imported and published when the library is empty (first start), as its
    /// <c>library.json</c> lists them with their department and input cases. Relative paths are resolved against the
    /// host's assembly folder. Default <c>samples/rules</c> beside the host's assembly; an empty string imports nothing.
    /// </summary>
    public string? SamplesPath { get; set; }

    /// <summary>Resolves <see cref="SamplesPath"/>; null when no samples are wanted.</summary>
    public string? ResolveSamplesPath() => SamplesPath switch
    {
        null => Path.Combine(AppContext.BaseDirectory, "samples", "rules"),
        "" => null,
        var path => Path.GetFullPath(path, AppContext.BaseDirectory),
    };
}
