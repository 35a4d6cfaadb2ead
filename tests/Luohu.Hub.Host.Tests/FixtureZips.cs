using System.IO.Compression;

namespace Luohu.Hub.Host.Tests;

/// <summary>Zips of the fixture plugins staged by their build under artifacts/test-plugins.</summary>
internal static class FixtureZips
{
    public static byte[] Create(string stagedName)
    {
        var folder = Path.Combine(RepoPaths.Root, "artifacts", "test-plugins", stagedName);
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"Fixture plugin {stagedName} is not staged at {folder}; build the test project first.");
        }

        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                archive.CreateEntryFromFile(file, Path.GetRelativePath(folder, file).Replace('\\', '/'));
            }
        }

        return stream.ToArray();
    }
}
