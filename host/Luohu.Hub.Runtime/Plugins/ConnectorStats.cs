using Luohu.Hub.Runtime.Capabilities;
using Polly;
using Polly.CircuitBreaker;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// Live counters of one connector of one loaded plugin version. A small locked ring of recent latencies
/// and outcomes is enough here: calls into a plugin cost far more than an uncontended lock.
/// </summary>
internal sealed class ConnectorStats
{
    private const int LatencySamples = 512;
    private const int RecentOutcomes = 20;
    private const int MinimumRecentCalls = 5;
    private static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly double[] latencies = new double[LatencySamples];
    private readonly (long At, bool Failed)[] outcomes = new (long, bool)[RecentOutcomes];
    private int latencyCount;
    private int latencyNext;
    private int outcomeCount;
    private int outcomeNext;
    private long calls;
    private long failures;
    private long timeouts;
    private long rejected;
    private long events;
    private int restarts;
    private string? lastError;

    public ConnectorStats(string id, ConnectorKind kind, TimeProvider time, ResiliencePipeline? pipeline = null, CircuitBreakerStateProvider? circuit = null)
    {
        Id = id;
        Kind = kind;
        this.time = time;
        Pipeline = pipeline;
        Circuit = circuit;
    }

    public string Id { get; }

    public ConnectorKind Kind { get; }

    public ResiliencePipeline? Pipeline { get; }

    public CircuitBreakerStateProvider? Circuit { get; }

    public string? LastError
    {
        get
        {
            lock (gate)
            {
                return lastError;
            }
        }
    }

    public void RecordCall(TimeSpan elapsed, bool failed, bool timedOut = false, string? error = null)
    {
        lock (gate)
        {
            calls++;
            latencies[latencyNext] = elapsed.TotalMilliseconds;
            latencyNext = (latencyNext + 1) % LatencySamples;
            latencyCount = Math.Min(latencyCount + 1, LatencySamples);
            outcomes[outcomeNext] = (time.GetTimestamp(), failed);
            outcomeNext = (outcomeNext + 1) % RecentOutcomes;
            outcomeCount = Math.Min(outcomeCount + 1, RecentOutcomes);
            if (failed)
            {
                failures++;
                lastError = error ?? lastError;
            }

            if (timedOut)
            {
                timeouts++;
            }
        }
    }

    public void RecordRejected(string? error = null)
    {
        lock (gate)
        {
            rejected++;
            lastError = error ?? lastError;
        }
    }

    public void RecordEvent() => Interlocked.Increment(ref events);

    public void RecordRestart(string error)
    {
        lock (gate)
        {
            restarts++;
            failures++;
            lastError = error;
        }
    }

    /// <summary>Share of failed calls among the recent ones (last 20 within a minute); 0 with too few calls to judge.</summary>
    public double RecentErrorRate()
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            int recent = 0, failed = 0;
            for (var i = 0; i < outcomeCount; i++)
            {
                if (time.GetElapsedTime(outcomes[i].At, now) <= RecentWindow)
                {
                    recent++;
                    failed += outcomes[i].Failed ? 1 : 0;
                }
            }

            return recent < MinimumRecentCalls ? 0 : (double)failed / recent;
        }
    }

    public bool IsDegraded => RecentErrorRate() >= 0.5 || CircuitState is CircuitState.Open or CircuitState.Isolated;

    public CircuitState CircuitState => Circuit?.CircuitState ?? CircuitState.Closed;

    public ConnectorMetrics Snapshot()
    {
        var errorRate = RecentErrorRate();
        lock (gate)
        {
            var sorted = latencies.AsSpan(0, latencyCount).ToArray();
            Array.Sort(sorted);
            return new ConnectorMetrics
            {
                Calls = calls,
                Failures = failures,
                Timeouts = timeouts,
                Rejected = rejected,
                ErrorRate = errorRate,
                LatencyP50Ms = Percentile(sorted, 0.50),
                LatencyP99Ms = Percentile(sorted, 0.99),
                Circuit = CircuitState == CircuitState.Isolated ? "Open" : CircuitState.ToString(),
                EventsEmitted = Interlocked.Read(ref events),
                Restarts = restarts,
                LastError = lastError,
            };
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
