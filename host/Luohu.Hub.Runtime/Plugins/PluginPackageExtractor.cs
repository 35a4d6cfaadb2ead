using System.IO.Compression;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// Unpacks an uploaded zip into a staging folder, refusing anything that could write outside it or fill the disk:
/// entries are counted, and bytes are counted as they are written, never taken from the sizes the zip claims.
/// </summary>
internal static class PluginPackageExtractor
{
    /// <summary>Bytes of an entry unpacked before its compression ratio is judged: small files compress as they like.</summary>
    private const long RatioGrace = 1024 * 1024;

    /// <summary>
    /// Extracts <paramref name="zip"/> into <paramref name="destination"/> and returns the folder holding
    /// <c>plugin.json</c>: the root, or the single top-level folder when the zip wraps everything in one.
    /// </summary>
    public static string Extract(Stream zip, string destination, PluginOptions limits)
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
            if (archive.Entries.Count > limits.MaxPackageEntries)
            {
                throw new PluginOperationException(PluginErrorKind.InvalidPackage, $"The package holds {archive.Entries.Count:N0} entries; at most {limits.MaxPackageEntries:N0} are accepted (Hub:PluginHost:MaxPackageEntries). Leave out what the plugin does not load.");
            }

            CheckDeclaredSizes(archive, limits);
            var root = Path.GetFullPath(destination) + Path.DirectorySeparatorChar;
            long unpacked = 0;
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
                unpacked += Unpack(entry, target, limits, limits.MaxUnpackedBytes - unpacked);
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

    /// <summary>Refuses, before a byte is written, a package whose own size claims break a limit.</summary>
    private static void CheckDeclaredSizes(ZipArchive archive, PluginOptions limits)
    {
        long declared = 0;
        foreach (var entry in archive.Entries)
        {
            declared += entry.Length;
            if (entry.Length > RatioGrace && entry.Length > entry.CompressedLength * (long)limits.MaxCompressionRatio)
            {
                throw RatioExceeded(entry, limits);
            }
        }

        if (declared > limits.MaxUnpackedBytes)
        {
            throw new PluginOperationException(PluginErrorKind.InvalidPackage, $"The package unpacks to {declared:N0} bytes; at most {limits.MaxUnpackedBytes:N0} are accepted (Hub:PluginHost:MaxUnpackedBytes). Nothing was installed.");
        }
    }

    private static PluginOperationException RatioExceeded(ZipArchiveEntry entry, PluginOptions limits) =>
        new(PluginErrorKind.InvalidPackage, $"The zip entry '{entry.FullName}' unpacks to more than {limits.MaxCompressionRatio} times its packed size of {entry.CompressedLength:N0} bytes (Hub:PluginHost:MaxCompressionRatio): a zip bomb, or padding no plugin needs. Nothing was installed.");

    /// <summary>
    /// Writes one entry, stopping at the first byte past the package's remaining allowance or the entry's ratio. An
    /// entry forged to unpack past the size it declares is cut there by the zip reader itself (a test holds it to that),
    /// so the declared sizes checked above bound what is written.
    /// </summary>
    private static long Unpack(ZipArchiveEntry entry, string target, PluginOptions limits, long allowance)
    {
        var ratioLimit = Math.Max(RatioGrace, entry.CompressedLength * limits.MaxCompressionRatio);
        var buffer = new byte[81920];
        long written = 0;
        try
        {
            using var source = entry.Open();
            using var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            int read;
            while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                written += read;
                if (written > allowance)
                {
                    throw new PluginOperationException(PluginErrorKind.InvalidPackage, $"The package unpacks to more than {limits.MaxUnpackedBytes:N0} bytes (Hub:PluginHost:MaxUnpackedBytes), passed at the entry '{entry.FullName}'. Nothing was installed.");
                }

                if (written > ratioLimit)
                {
                    throw RatioExceeded(entry, limits);
                }

                file.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new PluginOperationException(PluginErrorKind.InvalidPackage, $"The zip entry '{entry.FullName}' is damaged ({ex.Message}). Repack the plugin.", ex);
        }
        catch (IOException ex) when (ex is not PathTooLongException && File.Exists(target) && written == 0)
        {
            throw new PluginOperationException(PluginErrorKind.InvalidPackage, $"The zip holds the entry '{entry.FullName}' twice. Repack the plugin.", ex);
        }

        return written;
    }
}
