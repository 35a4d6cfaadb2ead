using System.Collections.Concurrent;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Plugins.Isolation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// Owns every installed plugin: operations (serialized per id), states, quarantine and unload confirmation.
/// Split by concern: this file holds states and snapshots; Operations, Retire, Startup and Watch the rest.
/// </summary>
internal sealed partial class PluginManager : IPluginManager, IEventSourceObserver, IPluginProcessObserver
{
    private readonly ConcurrentDictionary<string, PluginEntry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);
    private readonly PluginOptions options;
    private readonly PluginLoader loader;
    private readonly IsolatedPluginLoader isolatedLoader;
    private readonly CapabilityCatalog catalog;
    private readonly IPluginSettingsStore settings;
    private readonly IPluginStateStoreFactory stateStores;
    private readonly IMessagePublisher publisher;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private long installOrder;

    public PluginManager(
        IOptions<PluginOptions> options,
        PluginLoader loader,
        IsolatedPluginLoader isolatedLoader,
        CapabilityCatalog catalog,
        IPluginSettingsStore settings,
        IPluginStateStoreFactory stateStores,
        IMessagePublisher publisher,
        TimeProvider time,
        ILogger<PluginManager> logger)
    {
        this.options = options.Value;
        this.loader = loader;
        this.isolatedLoader = isolatedLoader;
        this.catalog = catalog;
        this.settings = settings;
        this.stateStores = stateStores;
        this.publisher = publisher;
        this.time = time;
        this.logger = logger;
        PluginsPath = Path.GetFullPath(this.options.PluginsPath);
    }

    public event EventHandler<PluginStateChangedEventArgs>? StateChanged;

    public string PluginsPath { get; }

    public IReadOnlyList<PluginSnapshot> List() => [.. entries.Values.OrderBy(e => e.Order).Select(Snapshot)];

    public PluginSnapshot? Find(string id) => entries.TryGetValue(id, out var entry) ? Snapshot(entry) : null;

    /// <summary>Where the serving version of <paramref name="id"/> runs, if one serves (tests and benchmarks reach the plugin process through it).</summary>
    internal PluginRuntime? ActiveRuntime(string id) => entries.TryGetValue(id, out var entry) ? entry.Active?.Runtime : null;

    /// <summary>The connectors of every serving plugin version, for the metrics that export their totals.</summary>
    internal IEnumerable<ConnectorStats> ActiveConnectors()
    {
        foreach (var entry in entries.Values)
        {
            if (entry.Active is { } active)
            {
                foreach (var stats in active.Stats.Values)
                {
                    yield return stats;
                }
            }
        }
    }

    /// <summary>The installed plugin that declares <paramref name="capability"/> but does not serve it now, if any.</summary>
    internal PluginSnapshot? FindUnavailableProvider(string capability, string? provider)
    {
        var entry = entries.Values
            .Where(e => (provider is null || e.Id == provider) && e.KnownConnectors.Any(c => c.Id == capability && c.Kind == ConnectorKind.Action))
            .OrderBy(e => e.Order)
            .FirstOrDefault();
        return entry is null ? null : Snapshot(entry);
    }

    /// <summary>After an action call: re-derives Degraded when the connector's error state may have changed.</summary>
    internal void OnActionOutcome(PluginEntry entry, bool failed)
    {
        if (failed || entry.Published == PluginState.Degraded)
        {
            UpdateState(entry);
        }
    }

    private PluginSnapshot Snapshot(PluginEntry entry)
    {
        UpdateState(entry);
        lock (entry.Sync)
        {
            var (state, reason) = Effective(entry);
            var active = entry.Active;
            IReadOnlyList<ConnectorSnapshot> connectors = active is null
                ? [.. entry.KnownConnectors.Select(c => new ConnectorSnapshot { Id = c.Id, Kind = c.Kind, Title = c.Title, Metrics = new ConnectorMetrics() })]
                : [.. active.Actions.Values.Select(a => new ConnectorSnapshot
                    {
                        Id = a.Capability,
                        Kind = ConnectorKind.Action,
                        Title = a.Info.Title,
                        Description = a.Info.Description,
                        Family = a.Info.Family,
                        Metrics = active.Stats[a.Capability].Snapshot(),
                    })
                    .Concat(active.Sources.Select(s => new ConnectorSnapshot
                    {
                        Id = s.Id,
                        Kind = ConnectorKind.EventSource,
                        Title = s.Title,
                        Description = s.Description,
                        Metrics = active.Stats[s.Id].Snapshot(),
                    }))];
            return new PluginSnapshot
            {
                Id = entry.Id,
                Name = entry.Manifest.Name,
                Vendor = entry.Manifest.Vendor,
                Version = entry.Manifest.Version,
                Description = entry.Manifest.Description,
                Isolation = active?.Runtime.Mode ?? (PluginIsolation.RunsIsolated(entry.Manifest, options) ? PluginIsolation.Process : PluginIsolation.InProcess),
                State = state,
                Reason = reason,
                Health = Health(entry, state),
                StateChangedAt = entry.ChangedAt,
                Connectors = connectors,
            };
        }
    }

    private static string Health(PluginEntry entry, PluginState state) => state switch
    {
        PluginState.Running => entry.HealthStatus,
        PluginState.Degraded => entry.HealthStatus == "Unhealthy" ? "Unhealthy" : "Degraded",

        // Not serving, whatever the reason; State and Reason say why.
        _ => "Unhealthy",
    };

    /// <summary>Running becomes Degraded while a source restarts, an action keeps failing or a health check complains.</summary>
    private static (PluginState State, string? Reason) Effective(PluginEntry entry)
    {
        if (entry.BaseState != PluginState.Running || entry.Active is null)
        {
            return (entry.BaseState, Join(entry.BaseReason, entry.Note));
        }

        if (entry.ProcessDown is { } down)
        {
            return (PluginState.Degraded, Join(down, entry.Note));
        }

        if (entry.RestartingSources.Count > 0)
        {
            var (source, error) = entry.RestartingSources.First();
            return (PluginState.Degraded, Join($"event source '{source}' is restarting after a fault: {error}", entry.Note));
        }

        var failing = entry.Active.Stats.Values.FirstOrDefault(s => s.Kind == ConnectorKind.Action && s.IsDegraded);
        if (failing is not null)
        {
            return (PluginState.Degraded, Join($"action '{failing.Id}' is failing ({failing.RecentErrorRate():P0} of recent calls, circuit {failing.CircuitState}); last error: {failing.LastError}", entry.Note));
        }

        if (entry.HealthStatus != "Healthy")
        {
            return (PluginState.Degraded, Join($"health: {entry.HealthDescription}", entry.Note));
        }

        return (PluginState.Running, entry.Note);
    }

    private static string? Join(string? reason, string? note) =>
        reason is null ? note : note is null ? reason : $"{reason}; {note}";

    private void SetBase(PluginEntry entry, PluginState state, string? reason, bool announce = false)
    {
        lock (entry.Sync)
        {
            entry.BaseState = state;
            entry.BaseReason = reason;
        }

        UpdateState(entry, announce);
    }

    private void UpdateState(PluginEntry entry, bool announce = false)
    {
        PluginState previous;
        lock (entry.Sync)
        {
            var (state, _) = Effective(entry);
            previous = entry.Published;
            if (state == previous && !announce)
            {
                return;
            }

            entry.Published = state;
            entry.ChangedAt = time.GetUtcNow();
        }

        PluginLog.StateChanged(logger, entry.Id, entry.Manifest.Version, entry.Published.ToString());
        StateChanged?.Invoke(this, new PluginStateChangedEventArgs(Snapshot(entry), previous));
    }

    private void PublishCatalog() => catalog.Publish(entries.Values);

    private SemaphoreSlim Gate(string id) => gates.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));

    private async Task<T> WithGateAsync<T>(string id, Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        var gate = Gate(id);
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await operation();
        }
        finally
        {
            gate.Release();
        }
    }

    private PluginEntry Get(string id) =>
        entries.TryGetValue(id, out var entry)
            ? entry
            : throw new PluginOperationException(PluginErrorKind.NotFound, $"No plugin with id '{id}' is installed. List the installed plugins with GET /api/v1/plugins.");
}
