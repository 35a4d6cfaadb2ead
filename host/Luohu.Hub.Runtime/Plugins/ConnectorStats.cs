using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Telemetry;
using Polly;
using Polly.CircuitBreaker;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// Live totals of one connector of one loaded plugin version, lock-free (<see cref="Interlocked"/> fields): the
/// plugins API and health read them, and <see cref="HubMetrics"/>' observable instruments export the same fields.
/// </summary>
internal sealed class ConnectorStats
{
    private const int RecentOutcomes = 20;
    private const int MinimumRecentCalls = 5;
    private static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(1);

    private readonly TimeProvider time;
    private readonly LatencyBuckets latencies = new();

    // Each slot: the outcome's timestamp shifted left by two, bit 1 "written", bit 0 "failed"; 0 = empty.
    private readonly long[] outcomes = new long[RecentOutcomes];
    private long outcomeNext = -1;
    private long calls;
    private long failures;
    private long timeouts;
    private long rejected;
    private long events;
    private long restarts;
    private string? lastError;

    public ConnectorStats(string pluginId, string id, ConnectorKind kind, TimeProvider time, ResiliencePipeline? pipeline = null, CircuitBreakerStateProvider? circuit = null)
    {
        PluginId = pluginId;
        Id = id;
        Kind = kind;
        this.time = time;
        Pipeline = pipeline;
        Circuit = circuit;
    }

    public string PluginId { get; }

    public string Id { get; }

    public ConnectorKind Kind { get; }

    public ResiliencePipeline? Pipeline { get; }

    public CircuitBreakerStateProvider? Circuit { get; }

    public string? LastError => Volatile.Read(ref lastError);

    public long Calls => Interlocked.Read(ref calls);

    public long Failures => Interlocked.Read(ref failures);

    public long Timeouts => Interlocked.Read(ref timeouts);

    public long Rejected => Interlocked.Read(ref rejected);

    public long Events => Interlocked.Read(ref events);

    public long Restarts => Interlocked.Read(ref restarts);

    public void RecordCall(TimeSpan elapsed, bool failed, bool timedOut = false, string? error = null)
    {
        Interlocked.Increment(ref calls);
        latencies.Record(elapsed);
        var slot = (int)((ulong)Interlocked.Increment(ref outcomeNext) % RecentOutcomes);
        Volatile.Write(ref outcomes[slot], (time.GetTimestamp() << 2) | 2 | (failed ? 1L : 0L));
        if (failed)
        {
            Interlocked.Increment(ref failures);
            if (error is not null)
            {
                Volatile.Write(ref lastError, error);
            }
        }

        if (timedOut)
        {
            Interlocked.Increment(ref timeouts);
        }
    }

    public void RecordRejected(string? error = null)
    {
        Interlocked.Increment(ref rejected);
        if (error is not null)
        {
            Volatile.Write(ref lastError, error);
        }
    }

    public void RecordEvent() => Interlocked.Increment(ref events);

    public void RecordRestart(string error)
    {
        Interlocked.Increment(ref restarts);
        Interlocked.Increment(ref failures);
        Volatile.Write(ref lastError, error);
    }

    /// <summary>Share of failed calls among the recent ones (last 20 within a minute); 0 with too few calls to judge.</summary>
    public double RecentErrorRate()
    {
        var now = time.GetTimestamp();
        int recent = 0, failed = 0;
        for (var i = 0; i < RecentOutcomes; i++)
        {
            var outcome = Volatile.Read(ref outcomes[i]);
            if (outcome != 0 && time.GetElapsedTime(outcome >> 2, now) <= RecentWindow)
            {
                recent++;
                failed += (int)(outcome & 1);
            }
        }

        return recent < MinimumRecentCalls ? 0 : (double)failed / recent;
    }

    public bool IsDegraded => RecentErrorRate() >= 0.5 || CircuitState is CircuitState.Open or CircuitState.Isolated;

    public CircuitState CircuitState => Circuit?.CircuitState ?? CircuitState.Closed;

    /// <summary>The totals as the API shows them; counts read one by one, so a call in progress may show in one and not yet in another.</summary>
    public ConnectorMetrics Snapshot() => new()
    {
        Calls = Calls,
        Failures = Failures,
        Timeouts = Timeouts,
        Rejected = Rejected,
        ErrorRate = RecentErrorRate(),
        LatencyP50Ms = latencies.PercentileMs(0.50),
        LatencyP99Ms = latencies.PercentileMs(0.99),
        Circuit = CircuitState == CircuitState.Isolated ? "Open" : CircuitState.ToString(),
        EventsEmitted = Events,
        Restarts = (int)Restarts,
        LastError = LastError,
    };
}
