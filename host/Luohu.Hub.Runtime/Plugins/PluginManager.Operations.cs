using System.Collections.Concurrent;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Plugins.Isolation;
using Luohu.Hub.Sdk.Plugins;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>Install, upgrade, enable, disable, reload, uninstall: each under the id's gate, each all-or-nothing.</summary>
internal sealed partial class PluginManager
{
    private const string StagingFolder = ".staging";
    private readonly ConcurrentDictionary<string, byte> ownFolders = new(StringComparer.Ordinal);

    public async Task<PluginSnapshot> InstallAsync(Stream zipPackage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zipPackage);
        var staging = Path.Combine(PluginsPath, StagingFolder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            var root = PluginPackageExtractor.Extract(zipPackage, staging, options);
            var manifest = PluginManifestReader.Read(root);
            return await WithGateAsync(manifest.Id, () => InstallFolderAsync(manifest, root, managed: true, cancellationToken), cancellationToken);
        }
        finally
        {
            TryDelete(staging);
        }
    }

    public Task<PluginSnapshot> EnableAsync(string id, CancellationToken cancellationToken) =>
        WithGateAsync(id, async () =>
        {
            var entry = Get(id);
            await SaveSettingsAsync(id, enabled: true, quarantine: null, cancellationToken);
            if (entry.Active is not null && entry.BaseState == PluginState.Running)
            {
                return Snapshot(entry);
            }

            await SwitchToAsync(entry, await LoadFromFolderAsync(entry, cancellationToken), cancellationToken);
            return Snapshot(entry);
        }, cancellationToken);

    public Task<PluginSnapshot> DisableAsync(string id, CancellationToken cancellationToken) =>
        WithGateAsync(id, async () =>
        {
            var entry = Get(id);
            await SaveSettingsAsync(id, enabled: false, quarantine: null, cancellationToken);
            entry.Retiring = entry.Active;
            entry.Active = null;
            SetBase(entry, PluginState.Disabled, "disabled by an operator; enable it to start it again");
            PublishCatalog();
            await RetireAsync(entry, cancellationToken);
            return Snapshot(entry);
        }, cancellationToken);

    public Task<PluginSnapshot> ReloadAsync(string id, CancellationToken cancellationToken) =>
        WithGateAsync(id, async () =>
        {
            var entry = Get(id);
            if (entry.BaseState == PluginState.Disabled)
            {
                throw new PluginOperationException(PluginErrorKind.Conflict, $"Plugin '{id}' is disabled; enable it instead of reloading it.");
            }

            var loaded = await LoadFromFolderAsync(entry, cancellationToken);
            await SaveSettingsAsync(id, enabled: true, quarantine: null, cancellationToken);
            await SwitchToAsync(entry, loaded, cancellationToken);
            loaded = null;
            return Snapshot(entry);
        }, cancellationToken);

    public Task UninstallAsync(string id, CancellationToken cancellationToken) =>
        WithGateAsync(id, async () =>
        {
            var entry = Get(id);
            await RemoveAsync(entry, "uninstalled by an operator", cancellationToken);
            TryDelete(entry.Folder);
            await settings.DeleteAsync(id, cancellationToken);
            await stateStores.DeleteAllAsync(id, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Installs from a folder already on disk (<paramref name="managed"/>: move it into the hub's layout first).</summary>
    private async Task<PluginSnapshot> InstallFolderAsync(PluginManifest manifest, string source, bool managed, CancellationToken cancellationToken)
    {
        entries.TryGetValue(manifest.Id, out var existing);
        if (existing is not null && existing.Manifest.Version == manifest.Version && existing.BaseState != PluginState.Faulted)
        {
            throw new PluginOperationException(PluginErrorKind.Conflict, $"Plugin '{manifest.Id}' {manifest.Version} is already installed ({existing.Published}). To upgrade, raise 'version' in plugin.json; to restart it, reload it.");
        }

        var folder = source;
        if (managed)
        {
            folder = UniqueFolder(manifest);
            ownFolders[folder] = 0;
            Directory.Move(source, folder);
        }

        LoadedPlugin loaded;
        try
        {
            loaded = await LoadAsync(manifest, folder, cancellationToken);
        }
        catch
        {
            if (managed)
            {
                TryDelete(folder);
                ownFolders.TryRemove(folder, out _);
            }

            throw;
        }

        if (existing is null)
        {
            var entry = new PluginEntry(manifest.Id, Interlocked.Increment(ref installOrder)) { Manifest = manifest, Folder = folder };
            entries[manifest.Id] = entry;
            ownFolders.TryRemove(folder, out _);
            var saved = await settings.GetAsync(manifest.Id, cancellationToken);
            if (saved is { Enabled: false })
            {
                Remember(entry, loaded);
                entry.Retiring = loaded;
                SetBase(entry, PluginState.Disabled, "disabled by an operator; enable it to start it again", announce: true);
                await RetireAsync(entry, cancellationToken, confirm: false);
                return Snapshot(entry);
            }

            await SwitchToAsync(entry, loaded, cancellationToken);
            return Snapshot(entry);
        }

        var oldFolder = existing.Folder;
        existing.Manifest = manifest;
        existing.Folder = folder;
        ownFolders.TryRemove(folder, out _);
        if (existing.BaseState == PluginState.Disabled)
        {
            // Upgrading a disabled plugin validates and stages the new version but leaves it disabled.
            Remember(existing, loaded);
            existing.Retiring = loaded;
            await RetireAsync(existing, cancellationToken, confirm: false);
        }
        else
        {
            await SaveSettingsAsync(manifest.Id, enabled: true, quarantine: null, cancellationToken);
            await SwitchToAsync(existing, loaded, cancellationToken);
        }

        if (!string.Equals(oldFolder, folder, StringComparison.Ordinal))
        {
            TryDelete(oldFolder);
        }

        return Snapshot(existing);
    }

    /// <summary>Starts <paramref name="loaded"/>, routes calls to it, then drains and unloads what ran before.</summary>
    private async Task SwitchToAsync(PluginEntry entry, LoadedPlugin loaded, CancellationToken cancellationToken)
    {
        loaded.Supervisor = new EventSourceSupervisor(loaded, this, publisher, options, time, logger);
        loaded.Supervisor.Start();
        (loaded.Runtime as IsolatedPluginRuntime)?.Supervise(loaded, this);
        lock (entry.Sync)
        {
            entry.ProcessDown = null;
            entry.ProcessCrashes.Clear();
            entry.Retiring = entry.Active;
            entry.Active = loaded;
            entry.Note = null;
            entry.RestartingSources.Clear();
            entry.SourceFaults.Clear();
            entry.HealthStatus = "Healthy";
            entry.HealthDescription = null;
        }

        Remember(entry, loaded);
        SetBase(entry, PluginState.Running, null, announce: true);
        PublishCatalog();
        await RetireAsync(entry, cancellationToken);
    }

    /// <summary>In this process, or in its own when its manifest or ops ask for it.</summary>
    private async Task<LoadedPlugin> LoadAsync(PluginManifest manifest, string folder, CancellationToken cancellationToken) =>
        PluginIsolation.RunsIsolated(manifest, options)
            ? await isolatedLoader.LoadAsync(manifest, folder, cancellationToken)
            : loader.Load(manifest, folder);

    private async Task<LoadedPlugin> LoadFromFolderAsync(PluginEntry entry, CancellationToken cancellationToken)
    {
        var manifest = PluginManifestReader.Read(entry.Folder);
        if (manifest.Id != entry.Id)
        {
            throw new PluginOperationException(PluginErrorKind.InvalidPackage, $"The plugin.json in {entry.Folder} now says id '{manifest.Id}', but the folder holds plugin '{entry.Id}'. Restore the id or install it as a new plugin.");
        }

        var loaded = await LoadAsync(manifest, entry.Folder, cancellationToken);
        entry.Manifest = manifest;
        return loaded;
    }

    private async Task RemoveAsync(PluginEntry entry, string reason, CancellationToken cancellationToken)
    {
        entry.Retiring = entry.Active;
        entry.Active = null;
        entries.TryRemove(entry.Id, out _);
        PublishCatalog();
        await RetireAsync(entry, cancellationToken);
        PluginState previous;
        lock (entry.Sync)
        {
            previous = entry.Published;
            entry.BaseState = entry.Published = PluginState.Unloaded;
            entry.BaseReason = reason;
            entry.ChangedAt = time.GetUtcNow();
        }

        PluginLog.StateChanged(logger, entry.Id, entry.Manifest.Version, nameof(PluginState.Unloaded));
        StateChanged?.Invoke(this, new PluginStateChangedEventArgs(Snapshot(entry), previous));
    }

    private static void Remember(PluginEntry entry, LoadedPlugin loaded) =>
        entry.KnownConnectors =
        [
            .. loaded.Actions.Values.Select(a => (a.Capability, ConnectorKind.Action, a.Info.Title)),
            .. loaded.Sources.Select(s => (s.Id, ConnectorKind.EventSource, s.Title)),
        ];

    private async Task SaveSettingsAsync(string id, bool enabled, string? quarantine, CancellationToken cancellationToken) =>
        await settings.SetAsync(new PluginSettings { PluginId = id, Enabled = enabled, QuarantineReason = quarantine, UpdatedAt = time.GetUtcNow() }, cancellationToken);

    private string UniqueFolder(PluginManifest manifest)
    {
        var folder = Path.Combine(PluginsPath, $"{manifest.Id}@{manifest.Version}");
        return Directory.Exists(folder) ? $"{folder}~{Guid.NewGuid().ToString("N")[..8]}" : folder;
    }

    private void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            PluginLog.DeleteFailed(logger, ex, folder);
        }
    }
}
