namespace Luohu.Hub.Rules.Tests.TestSupport;

public static class RepoPaths
{
    /// <summary>The folder holding Luohu.Hub.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string Sample(string fileName) => Path.Combine(Root, "samples", "rules", fileName);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Luohu.Hub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Luohu.Hub.sln not found above {AppContext.BaseDirectory}.");
    }
}
