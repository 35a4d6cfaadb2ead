using System.IO.Compression;

namespace Luohu.Hub.Runtime.Tests.Plugins;

/// <summary>The fixture plugins staged by their build under artifacts/test-plugins, and zips made from them.</summary>
internal static class TestPlugins
{
    public static readonly string StageRoot = Path.Combine(RepoPaths.Root, "artifacts", "test-plugins");

    /// <summary>The sample plugins as the host ships them, staged under artifacts/bundled-plugins.</summary>
    public static readonly string SampleRoot = Path.Combine(RepoPaths.Root, "artifacts", "bundled-plugins");

    public static string Folder(string name)
    {
        if (name.StartsWith("Luohu.Hub.Plugins.", StringComparison.Ordinal))
        {
            var sample = Path.Combine(SampleRoot, name);
            return Directory.Exists(sample) ? sample : throw new InvalidOperationException($"Sample plugin {name} is not staged at {sample}; build tests/Luohu.Hub.Runtime.Tests first.");
        }

        var folder = Path.Combine(StageRoot, name);
        return Directory.Exists(folder) ? folder : throw new InvalidOperationException($"Fixture plugin {name} is not staged at {folder}; build tests/Luohu.Hub.Runtime.Tests first.");
    }

    /// <summary>Copies a staged fixture into <paramref name="target"/>, optionally changing the copy.</summary>
    public static string CopyTo(string name, string target, Action<string>? change = null)
    {
        var source = Folder(name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        change?.Invoke(target);
        return target;
    }

    /// <summary>Zips a staged fixture (files at the zip's root, or under <paramref name="prefix"/>).</summary>
    public static MemoryStream Zip(string name, Action<string>? change = null, string prefix = "")
    {
        var temp = Path.Combine(Path.GetTempPath(), "luohu-zip-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyTo(name, temp, change);
            var stream = new MemoryStream();
            using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var file in Directory.EnumerateFiles(temp, "*", SearchOption.AllDirectories))
                {
                    archive.CreateEntryFromFile(file, prefix + Path.GetRelativePath(temp, file).Replace('\\', '/'));
                }
            }

            stream.Position = 0;
            return stream;
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    public static void EditManifest(string folder, string from, string to)
    {
        var path = Path.Combine(folder, "plugin.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace(from, to, StringComparison.Ordinal));
    }
}
