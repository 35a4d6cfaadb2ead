namespace Luohu.Hub.Runtime.Flows;

/// <summary>Settings of the flow runtime (section <c>Hub:Flows</c> when bound from configuration).</summary>
public sealed class FlowOptions
{
    /// <summary>
    /// Folder of flow files imported and deployed when the store holds no flow at all (first start). Relative
    /// paths are resolved against the host's assembly folder. Default <c>samples/flows</c> beside the host's
    /// assembly; an empty string imports nothing.
    /// </summary>
    public string? SamplesPath { get; set; }

    /// <summary>How often changed node state (script <c>ctx</c>, windows, throttles) is written to the store; it is also written when a flow stops. Default 5 seconds.</summary>
    public TimeSpan StateFlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Queue capacity of a trigger's bus subscription unless its config says otherwise. Default 1024.</summary>
    public int TriggerCapacity { get; set; } = 1024;

    /// <summary>
    /// Lanes of a trigger whose messages are ordered per key (topic by default): messages of different keys run through
    /// the flow side by side on this many lanes, those of one key one after another. Default twice the processor count,
    /// at least 4: scripts and rules are CPU work, more lanes than that only make each run wait longer for a core (and
    /// nearer its time limit); a trigger whose flow waits on I/O (actions) may ask for more with <c>concurrency</c>.
    /// </summary>
    public int TriggerConcurrency { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>
    /// Nodes one copy of a message may pass in a row before it is stopped (a dead letter): the bound of a loop that a
    /// switch never ends. The validator refuses a flow whose longest chain outside loops is longer. Default 256.
    /// </summary>
    public int MaxHops { get; set; } = 256;

    /// <summary>
    /// Node runs one entering message may cause in all, across every copy its fan-outs make: the bound of wires that
    /// multiply a message. Once spent, the message's remaining copies stop and one dead letter says so. The validator
    /// refuses a flow where one message could cause more, and any loop that branches. Default 10,000.
    /// </summary>
    public int MaxNodeRunsPerMessage { get; set; } = 10_000;

    /// <summary>Alerts kept in memory for ops and dashboards, oldest dropped first. Default 1000.</summary>
    public int AlertCapacity { get; set; } = 1000;

    /// <summary>Dead letters the in-memory store keeps (when no database store is registered), oldest dropped first. Default 10,000.</summary>
    public int InMemoryDeadLetterCapacity { get; set; } = 10_000;

    /// <summary>Resolves <see cref="SamplesPath"/>; null when no samples are wanted.</summary>
    public string? ResolveSamplesPath() => SamplesPath switch
    {
        null => Path.Combine(AppContext.BaseDirectory, "samples", "flows"),
        "" => null,
        var path => Path.GetFullPath(path, AppContext.BaseDirectory),
    };
}
