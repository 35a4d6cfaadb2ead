using System.IO.Compression;
using System.Text.Json;
using Luohu.Hub.Runtime.Plugins;
using Luohu.Hub.Runtime.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Storage.Backup;

/// <summary>
/// An online backup of everything the hub keeps, as one zip, while it serves: the database through SQLite's backup
/// API (a consistent snapshot however many writers are busy), the installed plugin packages, the Data Protection key
/// ring (without it the stored secrets and sign-in cookies are unreadable) and the rest of the data folder. Layout:
/// <c>backup.json</c>, <c>hub.db</c>, <c>data/…</c> (the data folder without the database and its journal), and
/// <c>plugins/…</c> when the plugins live outside the data folder. <see cref="HubRestore"/> reads it back.
/// </summary>
internal sealed class HubBackup(SqliteConnectionFactory connections, IOptions<PluginOptions> plugins, TimeProvider time)
{
    public const string ManifestName = "backup.json";
    public const string DatabaseName = "hub.db";

    /// <summary>Writes the backup to <paramref name="output"/> and says what it holds.</summary>
    public async Task<BackupManifest> WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        var database = connections.DatabasePath ?? throw new InvalidOperationException("The store is configured by a connection string: back up that database with its own tools.");
        var dataFolder = Path.GetDirectoryName(database)!;
        var snapshot = Path.Combine(Path.GetTempPath(), $"luohu-backup-{Guid.NewGuid():N}.db");
        try
        {
            var schema = await SnapshotAsync(snapshot, cancellationToken);
            using var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            await using (var entry = archive.CreateEntry(DatabaseName, CompressionLevel.Fastest).Open())
            await using (var file = File.OpenRead(snapshot))
            {
                await file.CopyToAsync(entry, cancellationToken);
            }

            var files = AddFolder(archive, dataFolder, "data/", skip: IsDatabaseFile);
            var pluginsPath = Path.GetFullPath(plugins.Value.PluginsPath);
            if (!IsUnder(pluginsPath, dataFolder) && Directory.Exists(pluginsPath))
            {
                files += AddFolder(archive, pluginsPath, "plugins/", skip: _ => false);
            }

            var manifest = new BackupManifest(1, schema, time.GetUtcNow(), new FileInfo(snapshot).Length, files);
            await using (var entry = archive.CreateEntry(ManifestName, CompressionLevel.Fastest).Open())
            {
                await JsonSerializer.SerializeAsync(entry, manifest, BackupManifest.Json, cancellationToken);
            }

            return manifest;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(snapshot);
        }
    }

    /// <summary>SQLite's online backup into <paramref name="target"/>; the schema version it holds.</summary>
    private async Task<int> SnapshotAsync(string target, CancellationToken cancellationToken)
    {
        await using var source = await connections.OpenAsync(cancellationToken);
        await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            await destination.OpenAsync(cancellationToken);
            source.BackupDatabase(destination);
        }

        await using var command = source.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Copies a folder's files (uploads being unpacked in <c>.staging</c> left out: they are not installed yet).</summary>
    private static int AddFolder(ZipArchive archive, string folder, string prefix, Func<string, bool> skip)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var count = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            if (skip(relative) || relative.Split('/').Any(part => part == ".staging"))
            {
                continue;
            }

            try
            {
                archive.CreateEntryFromFile(path, prefix + relative, CompressionLevel.Fastest);
                count++;
            }
            catch (FileNotFoundException)
            {
                // Removed while the backup ran (an uninstall, a retired version): it is no longer part of the hub.
            }
            catch (DirectoryNotFoundException)
            {
                // Likewise, a whole folder gone.
            }
        }

        return count;
    }

    private static bool IsDatabaseFile(string relative) => relative is DatabaseName or $"{DatabaseName}-wal" or $"{DatabaseName}-shm" or $"{DatabaseName}-journal";

    internal static bool IsUnder(string path, string folder) =>
        Path.GetFullPath(path).StartsWith(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}

/// <summary>What a backup holds, written into it as <c>backup.json</c>.</summary>
internal sealed record BackupManifest(int Format, int SchemaVersion, DateTimeOffset CreatedAt, long DatabaseBytes, int Files)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
