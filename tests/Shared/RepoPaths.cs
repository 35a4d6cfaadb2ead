namespace Luohu.Hub.Testing;

/// <summary>The repository root (the folder holding Luohu.Hub.sln), for tests that read samples and staged plugins.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Luohu.Hub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find Luohu.Hub.sln above " + AppContext.BaseDirectory);
    }
}
