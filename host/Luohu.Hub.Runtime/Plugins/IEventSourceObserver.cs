namespace Luohu.Hub.Runtime.Plugins;

/// <summary>What the supervisor tells the manager, which owns states and quarantine.</summary>
internal interface IEventSourceObserver
{
    /// <summary>A source threw or returned early; returns false when the source must not restart (quarantine).</summary>
    /// <param name="plugin">The plugin.</param>
    /// <param name="sourceId">The event source.</param>
    /// <param name="error">What went wrong.</param>
    /// <param name="restartIn">When the supervisor starts it again.</param>
    /// <param name="hubFault">The hub's own failure (its data folder full), not the plugin's: restarted, never quarantined for it.</param>
    bool OnSourceFaulted(LoadedPlugin plugin, string sourceId, string error, TimeSpan restartIn, bool hubFault);

    /// <summary>
    /// Completes when event sources may run. The hub holds them until every part has started, so that the
    /// flows are subscribed before the first event (a plugin's first tick is often a full snapshot).
    /// </summary>
    Task SourcesReleased { get; }

    /// <summary>A faulted source is running again.</summary>
    void OnSourceRestarted(LoadedPlugin plugin, string sourceId);
}
