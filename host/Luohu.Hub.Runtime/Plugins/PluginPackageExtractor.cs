using System.IO.Compression;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>Unpacks an uploaded zip into a staging folder, refusing anything that could write outside it.</summary>
internal static class PluginPackageExtractor
{
    /// <summary>
    /// Extracts <paramref name="zip"/> into <paramref name="destination"/> and returns the folder holding
    /// <c>plugin.json</c>: the root, or the single top-level folder when the zip wraps everything in one.
    /// </summary>
    public static string Extract(Stream zip, string destination)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new PluginOperationException(PluginErrorKind.InvalidPackage, $"The upload is not a zip archive ({ex.Message}). Upload the plugin's folder packed as a .zip with plugin.json at its root.", ex);
        }

        using (archive)
        {
            var root = Path.GetFullPath(destination) + Path.DirectorySeparatorChar;
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                if (name.StartsWith('/') || Path.IsPathRooted(name) || name.Split('/').Any(part => part == ".."))
                {
                    throw new PluginOperationException(PluginErrorKind.InvalidPackage, $"The zip entry '{entry.FullName}' has an absolute path or a '..' segment and would be written outside the plugin folder. Repack the plugin with relative paths only.");
                }

                var target = Path.GetFullPath(Path.Combine(root, name));
                if (!target.StartsWith(root, StringComparison.Ordinal))
                {
                    throw new PluginOperationException(PluginErrorKind.InvalidPackage, $"The zip entry '{entry.FullName}' resolves outside the plugin folder. Repack the plugin with relative paths only.");
                }

                if (name.EndsWith('/'))
                {
                    Directory.CreateDirectory(target);
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target, overwrite: false);
            }
        }

        if (File.Exists(Path.Combine(destination, PluginManifestReader.FileName)))
        {
            return destination;
        }

        var folders = Directory.GetDirectories(destination);
        if (folders.Length == 1 && Directory.GetFiles(destination).Length == 0 && File.Exists(Path.Combine(folders[0], PluginManifestReader.FileName)))
        {
            return folders[0];
        }

        throw new PluginOperationException(PluginErrorKind.InvalidPackage, "The zip has no plugin.json at its root (nor inside a single top-level folder). Pack the plugin so that plugin.json sits at the root of the zip.");
    }
}
