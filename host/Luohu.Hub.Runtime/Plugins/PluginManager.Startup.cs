using Luohu.Hub.Sdk.Plugins;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>Start and stop: seed bundled plugins, load what is installed, and take everything down.</summary>
internal sealed partial class PluginManager
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(PluginsPath);
        TryDelete(Path.Combine(PluginsPath, StagingFolder));
        var installed = ScanInstalled();
        SeedBundled(installed);
        foreach (var group in ScanInstalled().GroupBy(p => p.Manifest.Id))
        {
            var (manifest, folder) = group.OrderByDescending(p => ParseVersion(p.Manifest.Version)).ThenBy(p => p.Folder, StringComparer.Ordinal).First();
            await WithGateAsync(manifest.Id, () => LoadInstalledAsync(manifest, folder, cancellationToken), cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in entries.Values.ToList())
        {
            // Every plugin gets its stop even when the host's shutdown time has run out for an earlier one.
            await WithGateAsync(entry.Id, async () =>
            {
                entry.Retiring = entry.Active;
                entry.Active = null;
                SetBase(entry, PluginState.Unloaded, "the hub is stopping");
                await RetireAsync(entry, cancellationToken, confirm: false, unload: false);
                return true;
            }, CancellationToken.None);
        }

        PublishCatalog();
    }

    private async Task<bool> LoadInstalledAsync(PluginManifest manifest, string folder, CancellationToken cancellationToken)
    {
        var entry = new PluginEntry(manifest.Id, Interlocked.Increment(ref installOrder)) { Manifest = manifest, Folder = folder };
        entries[manifest.Id] = entry;
        var saved = await settings.GetAsync(manifest.Id, cancellationToken);
        if (saved is { Enabled: false })
        {
            SetBase(entry, PluginState.Disabled, "disabled by an operator; enable it to start it again", announce: true);
            return false;
        }

        if (saved?.QuarantineReason is { } quarantine)
        {
            SetBase(entry, PluginState.Quarantined, quarantine, announce: true);
            return false;
        }

        try
        {
            await SwitchToAsync(entry, await LoadAsync(manifest, folder, cancellationToken), cancellationToken);
            return true;
        }
        catch (PluginOperationException ex)
        {
            PluginLog.FolderLoadFailed(logger, ex, folder, ex.Message);
            SetBase(entry, PluginState.Faulted, ex.Message, announce: true);
            return false;
        }
    }

    private List<(PluginManifest Manifest, string Folder)> ScanInstalled()
    {
        var found = new List<(PluginManifest, string)>();
        foreach (var folder in Directory.GetDirectories(PluginsPath).Where(IsPluginFolder).Order(StringComparer.Ordinal))
        {
            try
            {
                found.Add((PluginManifestReader.Read(folder), folder));
            }
            catch (Exception ex) when (ex is PluginOperationException or IOException or UnauthorizedAccessException)
            {
                PluginLog.FolderLoadFailed(logger, ex, folder, ex.Message);
            }
        }

        return found;
    }

    /// <summary>Copies bundled plugins whose id is not installed; an installed id is never replaced, whatever its version.</summary>
    private void SeedBundled(List<(PluginManifest Manifest, string Folder)> installed)
    {
        if (!Directory.Exists(options.BundledPluginsPath))
        {
            return;
        }

        foreach (var bundled in Directory.GetDirectories(options.BundledPluginsPath).Order(StringComparer.Ordinal))
        {
            PluginManifest manifest;
            try
            {
                manifest = PluginManifestReader.Read(bundled);
            }
            catch (PluginOperationException ex)
            {
                PluginLog.FolderLoadFailed(logger, ex, bundled, ex.Message);
                continue;
            }

            if (installed.Any(i => i.Manifest.Id == manifest.Id))
            {
                continue;
            }

            var target = UniqueFolder(manifest);
            CopyDirectory(bundled, target);
            installed.Add((manifest, target));
            PluginLog.BundledSeeded(logger, manifest.Id, manifest.Version, target);
        }
    }

    private static bool IsPluginFolder(string folder) => !Path.GetFileName(folder).StartsWith('.');

    private static Version ParseVersion(string version) =>
        SdkVersionRange.TryParseVersion(version, out var parsed) ? parsed! : new Version(0, 0, 0);

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
