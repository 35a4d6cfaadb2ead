using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Luohu.Hub.Runtime.Storage.Backup;

/// <summary>
/// Restores a <see cref="HubBackup"/> into an empty data folder, for a hub that is not running there: nothing is ever
/// overwritten (move the old folder aside first), every entry must land inside its folder, and the database must pass
/// SQLite's integrity check before the restore says it is done. On any failure the folders it created are removed.
/// </summary>
internal static class HubRestore
{
    /// <summary>Restores <paramref name="backupZip"/> into <paramref name="dataPath"/> (plugins kept outside the data folder go to <paramref name="pluginsPath"/>).</summary>
    public static async Task<BackupManifest> RestoreAsync(string backupZip, string dataPath, string? pluginsPath, CancellationToken cancellationToken)
    {
        dataPath = Path.GetFullPath(dataPath);
        if (Directory.Exists(dataPath) && Directory.EnumerateFileSystemEntries(dataPath).Any())
        {
            throw new BackupException($"The data folder {dataPath} is not empty. Restore into an empty folder (move the current one aside, and stop the hub that uses it), then point Hub:DataPath at it.");
        }

        using var archive = OpenArchive(backupZip);
        var manifest = ReadManifest(archive);
        var created = !Directory.Exists(dataPath);
        try
        {
            Directory.CreateDirectory(dataPath);
            var plugins = Path.GetFullPath(pluginsPath ?? Path.Combine(dataPath, "plugins"));
            foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                var target = entry.FullName switch
                {
                    HubBackup.ManifestName => null,
                    HubBackup.DatabaseName => Path.Combine(dataPath, HubBackup.DatabaseName),
                    var name when name.StartsWith("data/", StringComparison.Ordinal) => Inside(dataPath, name["data/".Length..], entry.FullName),
                    var name when name.StartsWith("plugins/", StringComparison.Ordinal) => Inside(plugins, name["plugins/".Length..], entry.FullName),
                    _ => throw new BackupException($"The backup holds '{entry.FullName}', which no backup of this hub writes: it is not a Luohu Hub backup, or it was altered."),
                };
                if (target is null)
                {
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target, overwrite: false);
            }

            await CheckDatabaseAsync(Path.Combine(dataPath, HubBackup.DatabaseName), cancellationToken);
            return manifest;
        }
        catch
        {
            if (created)
            {
                Directory.Delete(dataPath, recursive: true);
            }
            else
            {
                foreach (var entry in Directory.EnumerateFileSystemEntries(dataPath))
                {
                    if (Directory.Exists(entry))
                    {
                        Directory.Delete(entry, recursive: true);
                    }
                    else
                    {
                        File.Delete(entry);
                    }
                }
            }

            throw;
        }
    }

    private static ZipArchive OpenArchive(string path)
    {
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BackupException($"{path} is not a readable backup: {ex.Message}");
        }
    }

    private static BackupManifest ReadManifest(ZipArchive archive)
    {
        var entry = archive.GetEntry(HubBackup.ManifestName) ?? throw new BackupException($"The backup has no {HubBackup.ManifestName}: it is not a Luohu Hub backup, or it is incomplete.");
        if (archive.GetEntry(HubBackup.DatabaseName) is null)
        {
            throw new BackupException($"The backup has no {HubBackup.DatabaseName}: it is incomplete.");
        }

        using var stream = entry.Open();
        try
        {
            return JsonSerializer.Deserialize<BackupManifest>(stream, BackupManifest.Json) is { Format: 1 } manifest
                ? manifest
                : throw new BackupException($"The backup's {HubBackup.ManifestName} is of a format this hub does not read.");
        }
        catch (JsonException ex)
        {
            throw new BackupException($"The backup's {HubBackup.ManifestName} is damaged: {ex.Message}");
        }
    }

    private static string Inside(string folder, string relative, string entryName)
    {
        var target = Path.GetFullPath(Path.Combine(folder, relative));
        return HubBackup.IsUnder(target, folder)
            ? target
            : throw new BackupException($"The backup entry '{entryName}' would be written outside {folder}: the backup was altered.");
    }

    private static async Task CheckDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var result = (string?)await command.ExecuteScalarAsync(cancellationToken);
        if (result != "ok")
        {
            throw new BackupException($"The backup's database fails SQLite's integrity check ({result}).");
        }
    }
}

/// <summary>A backup that cannot be read or restored, with what to do about it.</summary>
internal sealed class BackupException(string message) : Exception(message);
