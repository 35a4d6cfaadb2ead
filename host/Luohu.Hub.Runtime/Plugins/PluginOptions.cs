namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// How the hub installs, runs and contains plugins; bound from the <c>Hub</c> configuration section.
/// </summary>
/// <remarks>
/// Layout under <see cref="PluginsPath"/>: one top-level folder per installed plugin version. Installs made
/// by the hub (zip uploads, bundled plugins) go to <c>{id}@{version}/</c>, so an upgrade loads the new
/// version beside the old one before the old folder is removed. A folder copied in by hand under any
/// name is loaded where it lies. Folders whose name starts with a dot (<c>.staging/</c>, where uploads are
/// unpacked and checked) are never treated as plugins.
/// </remarks>
internal sealed class PluginOptions
{
    /// <summary>Installed plugins. Default <c>data/plugins</c> (relative to the working directory).</summary>
    public string PluginsPath { get; set; } = Path.Combine("data", "plugins");

    /// <summary>
    /// Plugins shipped with the host, copied into <see cref="PluginsPath"/> at start when their id is not
    /// installed yet. A newer bundled version never replaces an installed one: ops decide upgrades.
    /// Default <c>{AppContext.BaseDirectory}/bundled-plugins</c>.
    /// </summary>
    public string BundledPluginsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "bundled-plugins");

    /// <summary>Watch <see cref="PluginsPath"/> for folders copied in or removed. Default true.</summary>
    public bool WatchPluginsFolder { get; set; } = true;

    /// <summary>How long the watcher waits for a copy to settle before acting. Default 500 ms.</summary>
    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest an action call may take; a plugin that ignores cancellation is abandoned. Default 10 s.</summary>
    public TimeSpan InvokeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Share of failed calls in <see cref="CircuitSamplingDuration"/> that opens a connector's circuit. Default 0.5.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the circuit may open. Default 10.</summary>
    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>The window the failure ratio is measured over. Default 30 s.</summary>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit rejects calls before it lets one through. Default 15 s.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest an upgrade, reload or disable waits for in-flight calls of the old version. Default 30 s.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Event-source faults within <see cref="QuarantineWindow"/> that quarantine the plugin. Default 5.</summary>
    public int QuarantineAfterFaults { get; set; } = 5;

    /// <summary>The window in which event-source faults are counted. Default 5 min.</summary>
    public TimeSpan QuarantineWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First delay before a faulted event source restarts; doubles per fault. Default 1 s.</summary>
    public TimeSpan SourceRestartBackoffMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay before a faulted event source restarts. Default 60 s.</summary>
    public TimeSpan SourceRestartBackoffMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest the hub waits for an event source to stop after cancellation. Default 5 s.</summary>
    public TimeSpan SourceStopTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most files and folders a plugin package may hold. Default 5,000.</summary>
    public int MaxPackageEntries { get; set; } = 5_000;

    /// <summary>Most bytes a plugin package may unpack to, counted while unpacking (never from the zip's own claims). Default 512 MiB.</summary>
    public long MaxUnpackedBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>
    /// Largest ratio of unpacked to packed size for one entry past its first MiB. Assemblies pack 2–5:1, text 10:1;
    /// a zip bomb packs 1,000:1. Default 200.
    /// </summary>
    public int MaxCompressionRatio { get; set; } = 200;

    /// <summary>Largest event payload accepted from a plugin. Default 256 KiB.</summary>
    public int MaxEventBytes { get; set; } = 256 * 1024;

    /// <summary>How often plugin health checks run. Default 30 s.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest one plugin health check may take before it counts as Unhealthy. Default 5 s.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Per plugin id, where ops want it to run, over its manifest's <c>isolation</c>: <c>"process"</c> or
    /// <c>"in-process"</c> (<c>Hub:PluginHost:PluginIsolation:acme.camera = process</c>). Takes effect at the next load (reload).
    /// </summary>
    public Dictionary<string, string> PluginIsolation { get; } = new(StringComparer.Ordinal);

    /// <summary>The child process that runs isolated plugins. Default <c>Luohu.Hub.PluginHost.dll</c> beside the hub.</summary>
    public string PluginHostPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "Luohu.Hub.PluginHost.dll");

    /// <summary>
    /// Managed heap limit of each plugin process in MiB, given to the child's GC as <c>GCHeapHardLimit</c>; a
    /// child that runs out is stopped and restarted with the reason. 0 turns it off. Default 512.
    /// </summary>
    public int ProcessMemoryLimitMb { get; set; } = 512;

    /// <summary>
    /// CPU seconds each plugin process may use in its life (<c>setrlimit(RLIMIT_CPU)</c>, applied by the child at
    /// start; the kernel ends it with SIGXCPU), a guard against a runaway loop. 0 turns it off. Default 0.
    /// </summary>
    public int ProcessCpuLimitSeconds { get; set; }

    /// <summary>Longest a plugin process may take to start and load its plugin. Default 30 s.</summary>
    public TimeSpan ProcessStartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Crashes of a plugin process within <see cref="QuarantineWindow"/> that quarantine the plugin. Default 3.</summary>
    public int QuarantineAfterCrashes { get; set; } = 3;

    /// <summary>First delay before a crashed plugin process restarts; doubles per crash. Default 200 ms.</summary>
    public TimeSpan ProcessRestartBackoffMin { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest delay before a crashed plugin process restarts. Default 30 s.</summary>
    public TimeSpan ProcessRestartBackoffMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Which plugin id answers a capability that several plugins offer; otherwise the first installed.</summary>
    public Dictionary<string, string> PreferredProviders { get; } = new(StringComparer.Ordinal);
}
