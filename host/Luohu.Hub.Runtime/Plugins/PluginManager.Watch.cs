using System.Collections.Concurrent;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>Brings the installed plugins in line with the folders under <see cref="PluginsPath"/> (the watcher calls it).</summary>
internal sealed partial class PluginManager
{
    private readonly ConcurrentDictionary<string, byte> rejectedFolders = new(StringComparer.Ordinal);

    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var folders = Directory.GetDirectories(PluginsPath).Where(IsPluginFolder).Order(StringComparer.Ordinal).ToList();
        foreach (var stale in rejectedFolders.Keys.Where(f => !folders.Contains(f)))
        {
            rejectedFolders.TryRemove(stale, out _);
        }

        foreach (var folder in folders)
        {
            if (entries.Values.Any(e => e.Folder == folder) || ownFolders.ContainsKey(folder) || rejectedFolders.ContainsKey(folder)
                || !File.Exists(Path.Combine(folder, PluginManifestReader.FileName)))
            {
                continue;
            }

            await InstallDroppedAsync(folder, cancellationToken);
        }

        foreach (var entry in entries.Values.Where(e => !Directory.Exists(e.Folder)).ToList())
        {
            await WithGateAsync(entry.Id, async () =>
            {
                if (entries.TryGetValue(entry.Id, out var current) && ReferenceEquals(current, entry) && !Directory.Exists(entry.Folder))
                {
                    PluginLog.FolderRemoved(logger, entry.Folder, entry.Id);
                    await RemoveAsync(entry, $"its folder {entry.Folder} was removed", cancellationToken);
                }

                return true;
            }, cancellationToken);
        }
    }

    private async Task InstallDroppedAsync(string folder, CancellationToken cancellationToken)
    {
        try
        {
            var manifest = PluginManifestReader.Read(folder);
            await WithGateAsync(manifest.Id, async () =>
            {
                if (entries.Values.Any(e => e.Folder == folder) || ownFolders.ContainsKey(folder))
                {
                    return true;
                }

                try
                {
                    await InstallFolderAsync(manifest, folder, managed: false, cancellationToken);
                }
                catch (PluginOperationException ex) when (ex.Kind == PluginErrorKind.InvalidPackage && !entries.ContainsKey(manifest.Id))
                {
                    // A folder dropped by hand is there whatever we think of it: show it as Faulted with the reason.
                    var entry = new PluginEntry(manifest.Id, Interlocked.Increment(ref installOrder)) { Manifest = manifest, Folder = folder };
                    entries[manifest.Id] = entry;
                    SetBase(entry, PluginState.Faulted, ex.Message, announce: true);
                }

                return true;
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is PluginOperationException or IOException or UnauthorizedAccessException)
        {
            PluginLog.FolderLoadFailed(logger, ex, folder, ex.Message);
            if (Directory.Exists(folder))
            {
                rejectedFolders[folder] = 0;
            }
        }
    }
}
