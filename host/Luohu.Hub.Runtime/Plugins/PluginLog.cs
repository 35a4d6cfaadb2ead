using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>The runtime's log messages; event ids 1000–1999 belong to the plugin runtime.</summary>
internal static partial class PluginLog
{
    [LoggerMessage(1000, LogLevel.Information, "Plugin {PluginId} {Version} is {State}")]
    public static partial void StateChanged(ILogger logger, string pluginId, string version, string state);

    [LoggerMessage(1001, LogLevel.Warning, "Plugin {PluginId} carries {File}; the hub shares it and ignores the copy")]
    public static partial void SharedAssemblyIgnored(ILogger logger, string pluginId, string file);

    [LoggerMessage(1002, LogLevel.Error, "Plugin folder {Folder} could not be loaded: {Reason}")]
    public static partial void FolderLoadFailed(ILogger logger, Exception? exception, string folder, string reason);

    [LoggerMessage(1003, LogLevel.Warning, "Event source {PluginId}/{SourceId} faulted ({Error}); restarting in {Delay}")]
    public static partial void SourceFaulted(ILogger logger, string pluginId, string sourceId, string error, TimeSpan delay);

    [LoggerMessage(1004, LogLevel.Error, "Plugin {PluginId} quarantined: {Reason}")]
    public static partial void Quarantined(ILogger logger, string pluginId, string reason);

    [LoggerMessage(1005, LogLevel.Warning, "Event sources of {PluginId} did not stop within {Timeout}; abandoned")]
    public static partial void SourceStopTimedOut(ILogger logger, string pluginId, TimeSpan timeout);

    [LoggerMessage(1006, LogLevel.Warning, "Plugin {PluginId} {Version}: {InFlight} call(s) still running after the drain timeout; unloading anyway")]
    public static partial void DrainTimedOut(ILogger logger, string pluginId, string version, int inFlight);

    [LoggerMessage(1007, LogLevel.Warning, "Plugin {PluginId} {Version}: unload not confirmed, the context is still alive after {Attempts} collections")]
    public static partial void UnloadNotConfirmed(ILogger logger, string pluginId, string version, int attempts);

    [LoggerMessage(1008, LogLevel.Debug, "Plugin {PluginId} {Version}: unload confirmed")]
    public static partial void UnloadConfirmed(ILogger logger, string pluginId, string version);

    [LoggerMessage(1021, LogLevel.Warning, "Plugin {PluginId} could not be loaded: {Reason}")]
    public static partial void LoadFailed(ILogger logger, Exception exception, string pluginId, string reason);

    [LoggerMessage(1009, LogLevel.Information, "Seeded bundled plugin {PluginId} {Version} into {Folder}")]
    public static partial void BundledSeeded(ILogger logger, string pluginId, string version, string folder);

    [LoggerMessage(1010, LogLevel.Warning, "Plugin {PluginId}: disposing its services threw")]
    public static partial void DisposeFailed(ILogger logger, Exception exception, string pluginId);

    [LoggerMessage(1022, LogLevel.Debug, "Shadow vendor {PluginId} failed on {Capability}: {Error}")]
    public static partial void ShadowFailed(ILogger logger, string pluginId, string capability, string error);

    [LoggerMessage(1011, LogLevel.Warning, "Plugin {PluginId}: action {Capability} failed: {Error}")]
    public static partial void ActionFailed(ILogger logger, string pluginId, string capability, string error);

    [LoggerMessage(1012, LogLevel.Error, "Watching the plugins folder failed")]
    public static partial void WatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(1013, LogLevel.Warning, "Could not delete {Folder}")]
    public static partial void DeleteFailed(ILogger logger, Exception exception, string folder);

    [LoggerMessage(1014, LogLevel.Warning, "Plugin {PluginId}: health check {Check} failed: {Error}")]
    public static partial void HealthCheckFailed(ILogger logger, string pluginId, string check, string error);

    [LoggerMessage(1015, LogLevel.Information, "Plugin folder {Folder} was removed; plugin {PluginId} unloaded")]
    public static partial void FolderRemoved(ILogger logger, string folder, string pluginId);

    [LoggerMessage(1016, LogLevel.Error, "Plugin {PluginId}: a background step failed")]
    public static partial void BackgroundFailed(ILogger logger, Exception exception, string pluginId);

    [LoggerMessage(1017, LogLevel.Information, "Plugin {PluginId} process: {Line}")]
    public static partial void ProcessOutput(ILogger logger, string pluginId, string line);

    [LoggerMessage(1018, LogLevel.Error, "Plugin {PluginId} {Version}: its process {Reason}")]
    public static partial void ProcessExited(ILogger logger, string pluginId, string version, string reason);

    [LoggerMessage(1019, LogLevel.Information, "Plugin {PluginId} {Version}: replacement process {ProcessId} serves")]
    public static partial void ProcessRestarted(ILogger logger, string pluginId, string version, int processId);

    /// <summary>A log line written by plugin code in its own process, at the level it chose.</summary>
    [LoggerMessage(EventId = 1020, Message = "{Category}: {Message}")]
    public static partial void PluginMessage(ILogger logger, LogLevel level, string category, string message);
}
